import { describe, expect, it } from 'vitest';
import { auditedRead } from '../../../../shared/domain/audit/audited-read';
import type { AuditEvent } from '../../../../shared/domain/audit/audit-event';
import { RecordingAuditTrail } from '../../support/fake-deps';

const event: AuditEvent = {
  id: 'audit-1',
  at: '2025-01-15T10:00:00.000Z',
  action: 'incident.read',
  recordType: 'incident',
  recordId: 'incident-1',
  outcome: 'allowed',
  staffId: 'staff-1',
  groups: ['staff'],
  elevated: false,
  requestId: 'req-1',
  sourceIp: '203.0.113.9',
};

/** A promise the test settles by hand, to see what runs before what. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('auditedRead', () => {
  it('starts the read without waiting for the audit write, and answers once both are done', async () => {
    // Prepare
    const audit = new RecordingAuditTrail();
    const write = deferred<void>();
    let readStartedDuringWrite = false;
    let writing = false;
    const deps = { audit: { ...audit, search: audit.search.bind(audit), record: async (recorded: AuditEvent) => { writing = true; await write.promise; audit.events.push(recorded); writing = false; } } };

    // Act
    const answer = auditedRead(deps, event, async () => {
      readStartedDuringWrite = writing;
      return 'the view';
    });
    write.resolve();

    // Assess
    await expect(answer).resolves.toBe('the view');
    expect(readStartedDuringWrite).toBe(true);
    expect(audit.events).toEqual([event]);
  });

  it('keeps the audit event when the read fails, and fails with the read’s error', async () => {
    // Prepare
    const audit = new RecordingAuditTrail();
    const failure = new Error('ProvisionedThroughputExceededException');

    // Act
    const attempt = auditedRead({ audit }, event, () => Promise.reject(failure));

    // Assess
    await expect(attempt).rejects.toBe(failure);
    expect(audit.events).toEqual([event]);
  });

  it('fails the request when the audit write fails, even though the read succeeded', async () => {
    // Prepare
    const failure = new Error('audit table unavailable');
    const audit = { record: () => Promise.reject(failure), search: () => Promise.reject(failure) };

    // Act
    const attempt = auditedRead({ audit }, event, async () => 'the view');

    // Assess
    await expect(attempt).rejects.toBe(failure);
  });
});
