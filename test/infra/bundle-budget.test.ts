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
const budgetKiB: Record<string, number> = {
  'health.read': 150,
  'config.read': 150,
  'openapi.read': 185, // the OpenAPI document it serves grew by the file routes
  'me.read': 540,
  'school.read': 495,
  'students.search': 495,
  'staff.list': 495,
  'alertGroups.list': 495,
  'categories.list': 495,
  'incidents.create': 690,
  'incidents.read': 545,
  'actions.create': 705,
  'alerts.list': 495,
  'alerts.markRead': 495,
  'me.mfa.setup': 540,
  'me.mfa.verify': 540,
  'staff.create': 540,
  'staff.update': 540,
  'alertGroups.create': 540,
  'alertGroups.update': 540,
  'alertGroups.delete': 540,
  'categories.create': 545,
  'categories.update': 545,
  'audit.read': 540,
  'quality.check': 510,
  'reports.recordingQuality': 545,
  'alerts.acknowledge': 495,
  'me.incidents.list': 500,
  'me.reminders.list': 500,
  'files.create': 645,
  'files.read': 690,
  'event:notifier': 545,
  'event:file-scans': 690,
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
