import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { addTrust } from '../../infra/lantern-app';
import { SchoolStack } from '../../infra/school-stack';
import { exampleTrustConfigPath, loadTrustConfig, parseTrustConfig, TrustConfigError, trustConfigPath } from '../../infra/trust-config';
import { exampleTrust, exampleTrustFile, webDistFixture } from './synthesize-school';

const validTrust = () => JSON.parse(JSON.stringify(exampleTrust())) as Record<string, any>;

describe('the example trust config', () => {
  it('loads with two schools in eu-west-2', () => {
    // Act
    const trust = loadTrustConfig(exampleTrustFile);
    // Assess
    expect(trust.account).toBe('111111111111');
    expect(trust.region).toBe('eu-west-2');
    expect(trust.elevationWindowMinutes).toBe(30);
    expect(trust.schools.map((school) => school.id)).toEqual(['oakfield-primary', 'riverside-infant']);
    for (const school of trust.schools) expect(school.timezone).toBe('Europe/London');
  });

  it('makes an app with one stack per school', () => {
    // Prepare
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    // Act
    addTrust(app, loadTrustConfig(exampleTrustFile), { webDist: webDistFixture });
    // Assess
    const stacks = app.node.children.filter((child): child is SchoolStack => child instanceof SchoolStack);
    expect(stacks.map((stack) => stack.stackName)).toEqual(['Lantern-oakfield-primary', 'Lantern-riverside-infant']);
    expect(app.synth().stacks.map((stack) => stack.stackName).sort()).toEqual(['Lantern-oakfield-primary', 'Lantern-riverside-infant']);
  });
});

describe('a trust config', () => {
  it('defaults the elevation window to 30 minutes', () => {
    // Prepare
    const { elevationWindowMinutes, ...withoutWindow } = validTrust();
    // Act
    const trust = parseTrustConfig(withoutWindow);
    // Assess
    expect(elevationWindowMinutes).toBe(30);
    expect(trust.elevationWindowMinutes).toBe(30);
  });

  it.each([
    ['an account id that is not 12 digits', (trust: Record<string, any>) => (trust.account = '11111111111'), 'account'],
    ['a missing region', (trust: Record<string, any>) => delete trust.region, 'region'],
    ['no schools', (trust: Record<string, any>) => (trust.schools = []), 'schools'],
    ['a school id with capitals', (trust: Record<string, any>) => (trust.schools[0].id = 'Oakfield'), 'schools[0].id'],
    ['an unknown time zone', (trust: Record<string, any>) => (trust.schools[1].timezone = 'Europe/Londn'), 'schools[1].timezone'],
    ['a domain with a scheme', (trust: Record<string, any>) => (trust.schools[1].domain = 'https://riverside.example.org.uk'), 'schools[1].domain'],
    ['a sender that is not an email address', (trust: Record<string, any>) => (trust.schools[0].senderEmail = 'safeguarding'), 'schools[0].senderEmail'],
    ['two schools with the same id', (trust: Record<string, any>) => (trust.schools[1].id = trust.schools[0].id), 'schools[1].id'],
    [
      'a certificate outside us-east-1, where CloudFront cannot use it',
      (trust: Record<string, any>) => (trust.schools[0].certificateArn = 'arn:aws:acm:eu-west-2:111111111111:certificate/0b7c6f4e-2d1a-4c3b-9e8f-1a2b3c4d5e6f'),
      'schools[0].certificateArn',
    ],
    ['no one to tell about alarms', (trust: Record<string, any>) => (trust.alarms = { emails: [] }), 'alarms'],
    ['no alarms section', (trust: Record<string, any>) => delete trust.alarms, 'alarms'],
    ['an alarm email that is not an address', (trust: Record<string, any>) => (trust.alarms.emails = ['it-team']), 'alarms.emails[0]'],
    ['an alarm topic that is not an SNS ARN', (trust: Record<string, any>) => (trust.alarms.topicArn = 'arn:aws:sqs:eu-west-2:111111111111:alarms'), 'alarms.topicArn'],
    ['an alarm topic in another region', (trust: Record<string, any>) => (trust.alarms.topicArn = 'arn:aws:sns:eu-west-1:111111111111:alarms'), 'alarms.topicArn'],
    ['an alarm topic in another account', (trust: Record<string, any>) => (trust.alarms.topicArn = 'arn:aws:sns:eu-west-2:222222222222:alarms'), 'alarms.topicArn'],
    ['a misspelt field', (trust: Record<string, any>) => (trust.schools[0].timeZone = 'Europe/London'), 'schools[0]'],
  ])('is rejected with %s, naming the field', (_case, breakIt, field) => {
    // Prepare
    const trust = validTrust();
    breakIt(trust);
    // Act
    const attempt = () => parseTrustConfig(trust, 'trusts/broken.json');
    // Assess
    expect(attempt).toThrow(TrustConfigError);
    expect(attempt).toThrow(`Trust config trusts/broken.json is invalid. ${field}`);
  });

  it('accepts a school with an ACM certificate in us-east-1 for its domain', () => {
    // Prepare
    const trust = validTrust();
    const certificateArn = 'arn:aws:acm:us-east-1:111111111111:certificate/0b7c6f4e-2d1a-4c3b-9e8f-1a2b3c4d5e6f';
    trust.schools[0].certificateArn = certificateArn;
    // Act
    const parsed = parseTrustConfig(trust);
    // Assess
    expect(parsed.schools[0]!.certificateArn).toBe(certificateArn);
    expect(parsed.schools[1]!.certificateArn).toBeUndefined();
  });

  it("accepts the trust's own alarm topic in its account and region, with no emails", () => {
    // Prepare
    const trust = validTrust();
    trust.alarms = { topicArn: 'arn:aws:sns:eu-west-2:111111111111:trust-it-alarms' };
    // Act
    const parsed = parseTrustConfig(trust);
    // Assess
    expect(parsed.alarms).toEqual({ topicArn: 'arn:aws:sns:eu-west-2:111111111111:trust-it-alarms', emails: [] });
  });

  it('is rejected when the file is not JSON, naming the file', () => {
    // Prepare
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lantern-trust-')), 'trust.json');
    writeFileSync(file, '{ "trustName": ');
    // Act
    const attempt = () => loadTrustConfig(file);
    // Assess
    expect(attempt).toThrow(`Trust config ${file} is not valid JSON`);
  });

  it('is rejected when the file does not exist, saying how to name one', () => {
    // Act
    const attempt = () => loadTrustConfig('/nonexistent/trust.json');
    // Assess
    expect(attempt).toThrow('Trust config /nonexistent/trust.json does not exist. Name one with -c trustConfig=<file>');
  });
});

describe('which trust config the app reads', () => {
  it('prefers the trustConfig context, then LANTERN_TRUST_CONFIG, then the example', () => {
    // Act
    const fromContext = trustConfigPath('trusts/context.json', { LANTERN_TRUST_CONFIG: 'trusts/environment.json' });
    const fromEnvironment = trustConfigPath(undefined, { LANTERN_TRUST_CONFIG: 'trusts/environment.json' });
    const byDefault = trustConfigPath(undefined, {});
    // Assess
    expect(fromContext).toBe(path.resolve('trusts/context.json'));
    expect(fromEnvironment).toBe(path.resolve('trusts/environment.json'));
    expect(byDefault).toBe(path.resolve(exampleTrustConfigPath));
  });
});
