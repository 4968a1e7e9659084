import type { AuditEvent } from '../../../shared/domain/audit/audit-event';

/** An audit event as the domain builds one; override what the test is about. */
export function auditEventFixture(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: '01JHT0000000000000000000A1',
    at: '2025-01-15T10:00:00.000Z',
    action: 'staff.update',
    outcome: 'allowed',
    staffId: '0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8d002',
    groups: ['staff', 'admin'],
    elevated: false,
    recordType: 'staff',
    recordId: '0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8d001',
    requestId: 'Kx3vYhQmLPEEMVw=',
    sourceIp: '203.0.113.24',
    ...overrides,
  };
}
