import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PostAuthenticationTriggerEvent, PreAuthenticationTriggerEvent } from 'aws-lambda';
import { signInTrigger } from '../../../../shared/triggers/sign-in-trigger';
import { RecordingAuditTrail } from '../../support/fake-deps';
import { staffOf } from '../../support/school-cast';

const common = {
  version: '1',
  region: 'eu-west-2',
  userPoolId: 'eu-west-2_AbCdEf123',
  userName: staffOf.designatedLead.email,
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '4l8q2n7c0ajk1example' },
  response: {},
};

const preAuthentication = (userAttributes: Record<string, string> = { sub: staffOf.designatedLead.id, email: staffOf.designatedLead.email }): PreAuthenticationTriggerEvent => ({
  ...common,
  triggerSource: 'PreAuthentication_Authentication',
  request: { userAttributes, userContextData: { sourceIp: '198.51.100.7' } } as PreAuthenticationTriggerEvent['request'],
});

const postAuthentication = (): PostAuthenticationTriggerEvent => ({
  ...common,
  triggerSource: 'PostAuthentication_Authentication',
  request: { userAttributes: { sub: staffOf.designatedLead.id }, newDeviceUsed: false },
});

// The trigger logs a line to stdout; keep the test output clean.
beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('signInTrigger', () => {
  it('hands the pre-authentication event back unchanged and writes sign-in.attempt', async () => {
    // Prepare
    const trail = new RecordingAuditTrail();
    const handler = signInTrigger('attempt', { audit: () => trail });
    const event = preAuthentication();
    const before = structuredClone(event);

    // Act
    const returned = await handler(event, { awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' });

    // Assess
    expect(returned).toBe(event);
    expect(returned).toEqual(before);
    expect(trail.events).toEqual([
      expect.objectContaining({
        action: 'sign-in.attempt',
        recordType: 'sign-in',
        staffId: staffOf.designatedLead.id,
        recordId: staffOf.designatedLead.id,
        requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
        sourceIp: '198.51.100.7',
      }),
    ]);
  });

  it('writes sign-in.success from post-authentication', async () => {
    // Prepare
    const trail = new RecordingAuditTrail();
    const handler = signInTrigger('success', { audit: () => trail });
    const event = postAuthentication();

    // Act
    const returned = await handler(event, { awsRequestId: 'req-2' });

    // Assess
    expect(returned).toBe(event);
    expect(trail.events).toEqual([expect.objectContaining({ action: 'sign-in.success', staffId: staffOf.designatedLead.id, sourceIp: 'unknown' })]);
  });

  it('falls back to the user name when Cognito sends no sub (an unknown user trying to sign in)', async () => {
    // Prepare
    const trail = new RecordingAuditTrail();
    const handler = signInTrigger('attempt', { audit: () => trail });

    // Act
    await handler(preAuthentication({}), { awsRequestId: 'req-3' });

    // Assess
    expect(trail.events[0]!.staffId).toBe(staffOf.designatedLead.email);
  });

  it('fails the sign-in when the audit write fails', async () => {
    // Prepare
    const trail = new RecordingAuditTrail();
    vi.spyOn(trail, 'record').mockRejectedValue(new Error('ProvisionedThroughputExceededException'));
    const handler = signInTrigger('attempt', { audit: () => trail });

    // Act
    const attempt = handler(preAuthentication(), { awsRequestId: 'req-4' });

    // Assess
    await expect(attempt).rejects.toThrow('ProvisionedThroughputExceededException');
  });
});
