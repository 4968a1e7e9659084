import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { partnerScopeNames } from '../shared/domain/identity/partner-scopes';

/**
 * A trust's deployment file: which AWS account and region, and one entry per school.
 * Each school becomes its own stack (`Lantern-<id>`), so `cdk deploy --all` deploys the trust.
 */
const schoolId = z
  .string()
  // The id names the stack, the event bus and the Cognito domain prefix (`lantern-<id>`, at
  // most 63 characters and globally unique in the region), so keep it short and plain.
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters and digits, separated by single hyphens')
  .max(40, 'use at most 40 characters');

const domainName = z
  .string()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'use a lower-case host name such as lantern.school.example.org.uk (no scheme, no path)',
  );

// CloudFront only uses ACM certificates from us-east-1.
const cloudFrontCertificateArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/, 'use the ARN of an ACM certificate in us-east-1 that covers the domain');

const ianaTimeZone = z.string().refine(isTimeZone, { message: 'use an IANA time zone such as Europe/London' });

/**
 * A partner system the school lets in through the API (issue 16): a police force's Operation
 * Encompass system, a local authority's safeguarding team. Each gets its own confidential
 * client-credentials app client on the school's user pool, granted only these scopes.
 */
const partnerSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters and digits, separated by single hyphens').max(40, 'use at most 40 characters'),
  name: z.string().trim().min(1, 'give the partner name').max(100),
  scopes: z.array(z.enum(partnerScopeNames)).min(1, 'grant at least one scope'),
});

const schoolSchema = z.strictObject({
  id: schoolId,
  name: z.string().trim().min(1, 'give the school name'),
  domain: domainName,
  /**
   * With it the staff app is served at `domain`; without it, at the distribution's own
   * `*.cloudfront.net` name (and email links point there) until the school has a certificate.
   */
  certificateArn: cloudFrontCertificateArn.optional(),
  senderEmail: z.email('use an email address SES may send from'),
  timezone: ianaTimeZone,
  /** Partner systems with their own app client and scopes; none by default. */
  partners: z.array(partnerSchema).default([]),
});

const snsTopicArn = z.string().regex(/^arn:aws[a-z-]*:sns:[a-z]{2}(-[a-z]+)+-\d:\d{12}:[A-Za-z0-9_-]{1,256}$/, 'use the ARN of an SNS topic, arn:aws:sns:<region>:<account>:<name>');

/**
 * Where the stacks' CloudWatch alarms go: an SNS topic the trust already runs (its ARN), or a
 * topic each school stack creates; either way the emails listed are subscribed (each must
 * confirm the subscription SNS mails them). At least one of the two.
 */
const alarmNotificationsSchema = z
  .strictObject({
    topicArn: snsTopicArn.optional(),
    emails: z.array(z.email('use an email address for alarm notifications')).default([]),
  })
  .refine((alarms) => alarms.topicArn !== undefined || alarms.emails.length > 0, { message: 'name a topicArn or at least one email address, or no one hears an alarm' });

const trustSchema = z
  .strictObject({
    trustName: z.string().trim().min(1, 'give the trust name'),
    account: z.string().regex(/^\d{12}$/, 'use the 12-digit AWS account id, as a string'),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'use an AWS region code such as eu-west-2'),
    elevationWindowMinutes: z.number().int().min(1).max(720).default(30),
    alarms: alarmNotificationsSchema,
    schools: z.array(schoolSchema).min(1, 'list at least one school'),
  })
  .superRefine((trust, context) => {
    const topicArn = trust.alarms.topicArn;
    if (topicArn) {
      const [, , , region, account] = topicArn.split(':');
      if (region !== trust.region || account !== trust.account) {
        context.addIssue({ code: 'custom', path: ['alarms', 'topicArn'], message: `use a topic in the trust's account and region (${trust.account}, ${trust.region}): alarms publish only there` });
      }
    }
    trust.schools.forEach((school, schoolIndex) => {
      const seen = new Set<string>();
      school.partners.forEach((partner, index) => {
        if (seen.has(partner.id)) context.addIssue({ code: 'custom', path: ['schools', schoolIndex, 'partners', index, 'id'], message: `${partner.id} is used by another partner of this school` });
        seen.add(partner.id);
      });
    });
    for (const field of ['id', 'domain'] as const) {
      const seen = new Set<string>();
      trust.schools.forEach((school, index) => {
        if (seen.has(school[field])) {
          context.addIssue({ code: 'custom', path: ['schools', index, field], message: `${school[field]} is used by another school` });
        }
        seen.add(school[field]);
      });
    }
  });

export type TrustConfig = z.infer<typeof trustSchema>;
export type SchoolConfig = TrustConfig['schools'][number];
export type AlarmNotifications = TrustConfig['alarms'];
export type PartnerConfig = SchoolConfig['partners'][number];

export class TrustConfigError extends Error {
  override readonly name = 'TrustConfigError';
}

/** The file committed as an example; used when no other trust config is named. */
export const exampleTrustConfigPath = 'infra/trusts/example-trust.json';

/**
 * Which trust config to read: context `trustConfig` (`cdk deploy --all -c trustConfig=...`),
 * else `LANTERN_TRUST_CONFIG`, else the example. Relative paths are from the working directory.
 */
export function trustConfigPath(contextValue: unknown, environment: NodeJS.ProcessEnv = process.env): string {
  const named = typeof contextValue === 'string' && contextValue !== '' ? contextValue : environment.LANTERN_TRUST_CONFIG;
  return path.resolve(named || exampleTrustConfigPath);
}

export function loadTrustConfig(file: string): TrustConfig {
  if (!existsSync(file)) {
    throw new TrustConfigError(`Trust config ${file} does not exist. Name one with -c trustConfig=<file> or LANTERN_TRUST_CONFIG.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TrustConfigError(`Trust config ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseTrustConfig(json, file);
}

/** Validates a trust config; the error names every bad field, e.g. `schools[1].timezone`. */
export function parseTrustConfig(json: unknown, source = 'trust config'): TrustConfig {
  const parsed = trustSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${fieldName(issue.path)}: ${issue.message}`);
    throw new TrustConfigError(`Trust config ${source} is invalid. ${problems.join('; ')}`);
  }
  return parsed.data;
}

function fieldName(issuePath: readonly PropertyKey[]): string {
  if (issuePath.length === 0) return '(file)';
  return issuePath
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone.includes('/') || timeZone === 'UTC';
  } catch {
    return false;
  }
}
