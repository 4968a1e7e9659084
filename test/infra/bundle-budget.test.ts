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
// Each entry builds only the DynamoDB stores its handler uses (dynamoPorts({ … })), imports only its own route's declaration, and its schemas are zod/mini.
const budgetKiB: Record<string, number> = {
  'health.read': 55,
  'config.read': 60,
  'openapi.read': 175, // the generated document itself, which grows with every route (158.8 KiB with issues 13, 15, 16's)
  'me.read': 470,
  'school.read': 420,
  'students.search': 425,
  'staff.list': 420,
  'alertGroups.list': 420,
  'categories.list': 420,
  'incidents.create': 630, // attaching files tags each kept: the S3 client
  'incidents.read': 495,
  'actions.create': 650, // attaching files tags each kept: the S3 client
  'alerts.list': 425,
  'alerts.markRead': 425,
  'me.mfa.setup': 470,
  'me.mfa.verify': 470,
  'staff.create': 470,
  'staff.update': 470,
  'alertGroups.create': 470,
  'alertGroups.update': 470,
  'alertGroups.delete': 470,
  'categories.create': 475,
  'categories.update': 475,
  'audit.read': 470,
  'quality.check': 450,
  'reports.recordingQuality': 485,
  'alerts.acknowledge': 425,
  'me.incidents.list': 445,
  'me.reminders.list': 445,
  'students.find': 490,
  'students.read': 495,
  'students.update': 495,
  'students.flags.update': 495,
  'students.chronology': 495,
  'reports.summary': 495,
  // The chronology export (issue 13) renders its PDF in the function: pdfkit with fontkit, its Unicode
  // line-breaking tables and the two Helvetica metrics files add about 900 KiB to a files.read-sized
  // bundle. Loaded only when a PDF is asked for; no other function imports it.
  'students.exports.create': 1700,
  // Pupil import (issue 15): the routes as files.create; the job adds csv-parse.
  'students.import': 600,
  'imports.start': 600,
  'imports.read': 500,
  'event:pupil-import': 680,
  // Operation Encompass (issue 16): the police's route and the DSL's list and match.
  'partners.encompass.create': 520,
  'encompass.list': 500,
  'encompass.match': 530,
  'event:notifier': 475,
  'event:reminders': 480,
  'triage.list': 495,
  'incidents.review': 510,
  'incidents.list': 495,
  'incidents.update': 515,
  'incidents.history': 500,
  'referrals.create': 495,
  'incidentReferrals.list': 495,
  'referrals.update': 495,
  'referrals.list': 485,
  'event:incident-lists': 415,
  'event:referral-overdue': 415,
  'event:referral-check-scheduler': 355,
  'files.create': 575,
  'files.read': 630,
  'event:file-scans': 630,
  'event:reminder-scheduler': 355,
  'stream:outbox-relay': 405,
  'event:casework-projector': 430,
  'cognito:sign-in-attempt': 395,
  'cognito:sign-in-success': 395,
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

  it('bundles pdfkit only into the chronology export', () => {
    // Act
    const withPdfkit = allFunctions.filter((fn) => bundles.get(fn.id)!.packages.has('pdfkit')).map((fn) => fn.id);
    // Assess
    expect(withPdfkit).toEqual(['students.exports.create']);
  });

  it('never bundles the OpenAPI generator, classic zod, zod locales or all the contracts', () => {
    for (const fn of allFunctions) {
      // Act
      const { packages, inputs } = bundles.get(fn.id)!;
      // Assess
      expect(packages.has('@asteasolutions/zod-to-openapi'), fn.id).toBe(false);
      // Runtime schemas are zod/mini (a lint rule keeps them so): classic zod's methods cannot be tree-shaken.
      expect(inputs.filter((input) => input.includes('zod/v4/classic/')), fn.id).toEqual([]);
      expect(inputs.filter((input) => input.includes('zod/v4/locales/') && !input.endsWith('locales/en.js')), fn.id).toEqual([]);
      expect(inputs.filter((input) => input.endsWith('shared/api/contracts.ts') || input.endsWith('shared/api/openapi-document.ts')), fn.id).toEqual([]);
    }
  });
});
