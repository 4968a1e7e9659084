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
  'openapi.read': 225,
  'me.read': 575,
  'school.read': 530,
  'students.search': 530,
  'staff.list': 530,
  'alertGroups.list': 530,
  'categories.list': 530,
  'incidents.create': 720, // attaching files tags each kept: the S3 client
  'incidents.read': 575,
  'actions.create': 740, // attaching files tags each kept: the S3 client
  'alerts.list': 530,
  'alerts.markRead': 530,
  'me.mfa.setup': 575,
  'me.mfa.verify': 565,
  'staff.create': 580,
  'staff.update': 580,
  'alertGroups.create': 580,
  'alertGroups.update': 580,
  'alertGroups.delete': 580,
  'categories.create': 585,
  'categories.update': 585,
  'audit.read': 580,
  'quality.check': 555,
  'reports.recordingQuality': 585,
  'alerts.acknowledge': 530,
  'me.incidents.list': 540,
  'me.reminders.list': 540,
  'students.find': 590,
  'students.read': 595,
  'students.update': 590,
  'students.flags.update': 595,
  'students.chronology': 590,
  'reports.summary': 595,
  'event:notifier': 570,
  'event:reminders': 570,
  'triage.list': 590,
  'incidents.review': 595,
  'incidents.list': 590,
  'incidents.update': 600,
  'incidents.history': 590,
  'referrals.create': 575,
  'incidentReferrals.list': 585,
  'referrals.update': 585,
  'referrals.list': 585,
  'event:incident-lists': 505,
  'event:referral-overdue': 515,
  'event:referral-check-scheduler': 420,
  'files.create': 690,
  'files.read': 735,
  'event:file-scans': 730,
  'event:reminder-scheduler': 420,
  'stream:outbox-relay': 510,
  'event:casework-projector': 555,
  'cognito:sign-in-attempt': 495,
  'cognito:sign-in-success': 495,
  // Pupil import (issue 15): the routes as files.create; the job adds csv-parse.
  'students.import': 690,
  'imports.start': 690,
  'imports.read': 590,
  'event:pupil-import': 760,
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
