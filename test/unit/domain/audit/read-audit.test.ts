import { describe, expect, it } from 'vitest';
import { readAudit } from '../../../../shared/domain/audit/read-audit';
import { AuditQuery } from '../../../../shared/schemas/audit';
import { schoolDeps } from '../../support/school-deps';
import { callerFor, pupilsOf, requestOrigin, staffOf } from '../../support/school-cast';
import { auditEventFixture } from '../../support/audit-events';

const elevatedLead = callerFor(staffOf.designatedLead, { elevated: true });

function trailWithHistory() {
  const deps = schoolDeps();
  deps.audit.events.push(
    auditEventFixture({ id: 'E1', at: '2025-01-14T09:00:00.000Z', action: 'incident.create', recordType: 'incident', recordId: 'I1', staffId: staffOf.author.id, studentIds: [pupilsOf.subject.id] }),
    auditEventFixture({ id: 'E2', at: '2025-01-14T09:30:00.000Z', action: 'incident.read', recordType: 'incident', recordId: 'I1', staffId: staffOf.unrelatedTeacher.id, outcome: 'refused', studentIds: [pupilsOf.subject.id] }),
    auditEventFixture({ id: 'E3', at: '2025-01-14T10:00:00.000Z', action: 'incident.create', recordType: 'incident', recordId: 'I2', staffId: staffOf.author.id, studentIds: [pupilsOf.classmate.id] }),
  );
  return deps;
}

describe('readAudit', () => {
  it.each([
    ['a record', { recordId: 'I1' }, ['E1', 'E2'], 'audit.read.record', 'I1'],
    ['a member of staff', { staffId: staffOf.author.id }, ['E1', 'E3'], 'audit.read.staff', staffOf.author.id],
    ['a pupil', { studentId: pupilsOf.subject.id }, ['E1', 'E2'], 'audit.read.student', pupilsOf.subject.id],
  ])('finds the trail of %s, oldest first, and audits the reading', async (_subject, query, expectedIds, action, recordId) => {
    // Prepare
    const deps = trailWithHistory();

    // Act
    const page = await readAudit(deps, elevatedLead, AuditQuery.parse(query), requestOrigin);

    // Assess
    expect(page.events.map((event) => event.id)).toEqual(expectedIds);
    expect(deps.audit.events.at(-1)).toMatchObject({ action, recordType: 'audit', recordId, staffId: staffOf.designatedLead.id, elevated: true, outcome: 'allowed' });
  });

  it('names the pupil on the audit of reading a pupil’s trail', async () => {
    // Prepare
    const deps = trailWithHistory();

    // Act
    await readAudit(deps, elevatedLead, AuditQuery.parse({ studentId: pupilsOf.subject.id }), requestOrigin);

    // Assess
    expect(deps.audit.events.at(-1)!.studentIds).toEqual([pupilsOf.subject.id]);
  });

  it('keeps to the time window and pages with a cursor', async () => {
    // Prepare
    const deps = trailWithHistory();
    const query = AuditQuery.parse({ staffId: staffOf.author.id, from: '2025-01-14T08:00:00Z', to: '2025-01-14T10:00:00Z', limit: '1' });

    // Act
    const first = await readAudit(deps, elevatedLead, query, requestOrigin);
    const second = await readAudit(deps, elevatedLead, { ...query, cursor: first.nextCursor }, requestOrigin);

    // Assess
    expect(first.events.map((event) => event.id)).toEqual(['E1']);
    expect(second.events.map((event) => event.id)).toEqual(['E3']);
  });
});
