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
// DSL casework (issue 11) added about 11 KiB to every `records` function: dynamoPorts builds its two stores (casework, referrals) for each, and the catalogue has nine more routes.
const budgetKiB: Record<string, number> = {
  'health.read': 150,
  'config.read': 150,
  'openapi.read': 205, // the OpenAPI document it serves holds the file routes too
  'me.read': 551,
  'school.read': 506,
  'students.search': 506,
  'staff.list': 506,
  'alertGroups.list': 506,
  'categories.list': 506,
  'incidents.create': 690, // attaching files tags each kept: the S3 client
  'incidents.read': 556,
  'actions.create': 710, // attaching files tags each kept: the S3 client
  'alerts.list': 506,
  'alerts.markRead': 506,
  'me.mfa.setup': 551,
  'me.mfa.verify': 551,
  'staff.create': 551,
  'staff.update': 551,
  'alertGroups.create': 551,
  'alertGroups.update': 551,
  'alertGroups.delete': 551,
  'categories.create': 556,
  'categories.update': 556,
  'audit.read': 551,
  'quality.check': 521,
  'reports.recordingQuality': 556,
  'alerts.acknowledge': 506,
  'me.incidents.list': 507,
  'me.reminders.list': 507,
  'triage.list': 570,
  'incidents.review': 575,
  'incidents.list': 570,
  'incidents.update': 580,
  'incidents.history': 570,
  'referrals.create': 575,
  'incidentReferrals.list': 570,
  'referrals.update': 570,
  'referrals.list': 570,
  'files.create': 660,
  'files.read': 705,
  'event:incident-lists': 490,
  'event:referral-overdue': 500,
  'event:referral-check-scheduler': 420,
  'event:file-scans': 700,
  'event:notifier': 545,
  'event:reminders': 545,
  'event:reminder-scheduler': 420,
  'stream:outbox-relay': 500,
  'cognito:sign-in-attempt': 475,
  'cognito:sign-in-success': 475,
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
    // Prepare: bundle every entry as the stack does, in memory
    for (const fn of allFunctions) {
      const result = await build({ ...lambdaBundleOptions, entryPoints: [path.join(root, fn.entry)], outfile: path.join(root, '.bench', 'budget', `${fn.id}.mjs`), write: false });
      const output = Object.values((result.metafile as Metafile).outputs).find((candidate) => candidate.entryPoint)!;
      const inputs = Object.keys(output.inputs);
      bundles.set(fn.id, { bytes: output.bytes, packages: new Set(inputs.map(packageOf).filter((name): name is string => Boolean(name))), inputs });
    }
  });

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
