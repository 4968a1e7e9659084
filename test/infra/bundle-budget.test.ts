import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { lambdaBundleOptions } from '../../bench/bundle-functions';
import { allFunctions } from '../../shared/deps/function-catalogue';
import { awsServicesOf, type AwsService } from '../../shared/deps/uses';

/**
 * Minified bytes each function may bundle, from esbuild's metafile: about 5% above what it
 * bundles today, so a regression (an SDK client or a library a function does not declare,
 * a named zod import) fails CI. `npm run bench` measures the same bundles against SDK-only
 * references; lower a budget when a function gets smaller.
 */
const KiB = 1024;
// Each entry builds only the DynamoDB stores its handler uses (dynamoPorts({ … })) and imports only its own route's declaration.
const budgetKiB: Record<string, number> = {
  'health.read': 125,
  'config.read': 125,
  'openapi.read': 215,
  'me.read': 530,
  'school.read': 485,
  'students.search': 485,
  'staff.list': 485,
  'alertGroups.list': 485,
  'categories.list': 485,
  'incidents.create': 690, // attaching files tags each kept: the S3 client
  'incidents.read': 555,
  'actions.create': 710, // attaching files tags each kept: the S3 client
  'alerts.list': 490,
  'alerts.markRead': 490,
  'me.mfa.setup': 530,
  'me.mfa.verify': 530,
  'staff.create': 530,
  'staff.update': 530,
  'alertGroups.create': 530,
  'alertGroups.update': 530,
  'alertGroups.delete': 530,
  'categories.create': 540,
  'categories.update': 540,
  'audit.read': 530,
  'quality.check': 510,
  'reports.recordingQuality': 545,
  'alerts.acknowledge': 490,
  'me.incidents.list': 505,
  'me.reminders.list': 505,
  'students.find': 550,
  'students.read': 555,
  'students.update': 555,
  'students.flags.update': 555,
  'students.chronology': 555,
  'reports.summary': 555,
  'event:notifier': 540,
  'event:reminders': 545,
  'triage.list': 555,
  'incidents.review': 570,
  'incidents.list': 555,
  'incidents.update': 575,
  'incidents.history': 560,
  'referrals.create': 555,
  'incidentReferrals.list': 555,
  'referrals.update': 555,
  'referrals.list': 545,
  'event:incident-lists': 480,
  'event:referral-overdue': 480,
  'event:referral-check-scheduler': 420,
  'files.create': 645,
  'files.read': 700,
  'event:file-scans': 695,
  'event:reminder-scheduler': 420,
  'stream:outbox-relay': 475,
  'event:casework-projector': 495,
  'cognito:sign-in-attempt': 465,
  'cognito:sign-in-success': 465,
};

/** The SDK packages behind each AWS service; a bundle may hold only those of its declaration. */
const sdkPackages: Record<AwsService, readonly string[]> = {
  dynamodb: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  cognito: ['@aws-sdk/client-cognito-identity-provider'],
  ses: ['@aws-sdk/client-sesv2'],
  scheduler: ['@aws-sdk/client-scheduler'],
  s3: ['@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner'],
  eventbridge: ['@aws-sdk/client-eventbridge'],
};
const allClients = Object.values(sdkPackages).flat();

const root = path.resolve(import.meta.dirname, '../..');
const packageOf = (input: string) => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1];

describe('what each function bundles (esbuild metafile, bundled once per entry)', () => {
  const bundles = new Map<string, { bytes: number; packages: Set<string>; inputs: string[] }>();

  beforeAll(async () => {
    // Prepare: bundle every entry as the stack does, in memory (esbuild builds them side by side)
    await Promise.all(allFunctions.map(async (fn) => {
      const result = await build({ ...lambdaBundleOptions, entryPoints: [path.join(root, fn.entry)], outfile: path.join(root, '.bench', 'budget', `${fn.id}.mjs`), write: false });
      const output = Object.values((result.metafile as Metafile).outputs).find((candidate) => candidate.entryPoint)!;
      const inputs = Object.keys(output.inputs);
      bundles.set(fn.id, { bytes: output.bytes, packages: new Set(inputs.map(packageOf).filter((name): name is string => Boolean(name))), inputs });
    }));
    // Fifty-odd bundles on a shared machine can outlast the project's three-minute hook timeout.
  }, 600_000);

  it('has a budget for every function the stack deploys', () => {
    // Assess
    expect(allFunctions.map((fn) => fn.id).sort()).toEqual(Object.keys(budgetKiB).sort());
  });

  it('keeps every bundle within its budget', () => {
    for (const fn of allFunctions) {
      // Act
      const kib = bundles.get(fn.id)!.bytes / KiB;
      // Assess
      expect(kib, `${fn.id}: ${kib.toFixed(1)} KiB`).toBeLessThanOrEqual(budgetKiB[fn.id]!);
    }
  });

  it('bundles exactly the SDK clients of the services a function declares', () => {
    for (const fn of allFunctions) {
      // Prepare
      const declared = awsServicesOf(fn.uses).flatMap((service) => sdkPackages[service]);
      // Act
      const clients = allClients.filter((client) => bundles.get(fn.id)!.packages.has(client));
      // Assess
      expect(clients.sort(), fn.id).toEqual([...declared].sort());
    }
  });

  it('never bundles the OpenAPI generator, zod locales or all the contracts', () => {
    for (const fn of allFunctions) {
      // Act
      const { packages, inputs } = bundles.get(fn.id)!;
      // Assess
      expect(packages.has('@asteasolutions/zod-to-openapi'), fn.id).toBe(false);
      expect(inputs.filter((input) => input.includes('zod/v4/locales/') && !input.endsWith('locales/en.js')), fn.id).toEqual([]);
      expect(inputs.filter((input) => input.endsWith('shared/api/contracts.ts') || input.endsWith('shared/api/openapi-document.ts')), fn.id).toEqual([]);
    }
  });
});
