import { describe, expect, it } from 'vitest';
import { recordSignIn } from '../../../../shared/domain/audit/record-sign-in';
import { FixedClock, RecordingAuditTrail, SequentialIds } from '../../support/fake-deps';
import { staffOf } from '../../support/school-cast';

describe('recordSignIn', () => {
  it.each(['attempt', 'success'] as const)('writes a sign-in.%s event about the member of staff', async (stage) => {
    // Prepare
    const audit = new RecordingAuditTrail();
    const deps = { audit, clock: new FixedClock(), ids: new SequentialIds() };

    // Act
    await recordSignIn(deps, { stage, staffId: staffOf.designatedLead.id, requestId: 'req-1', sourceIp: '198.51.100.7' });

    // Assess
    expect(audit.events).toEqual([
      {
        id: '01JHT000000000000000000001',
        at: '2025-01-15T10:00:00.000Z',
        action: `sign-in.${stage}`,
        outcome: 'allowed',
        staffId: staffOf.designatedLead.id,
        groups: [],
        elevated: false,
        recordType: 'sign-in',
        recordId: staffOf.designatedLead.id,
        requestId: 'req-1',
        sourceIp: '198.51.100.7',
      },
    ]);
  });

  it('says "unknown" when Cognito did not pass the source address', async () => {
    // Prepare
    const audit = new RecordingAuditTrail();

    // Act
    await recordSignIn({ audit, clock: new FixedClock(), ids: new SequentialIds() }, { stage: 'attempt', staffId: 'staff-1', requestId: 'req-1' });

    // Assess
    expect(audit.events[0]!.sourceIp).toBe('unknown');
  });
});
