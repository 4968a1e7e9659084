import type { Student } from '../../../../shared/domain/students/student';
import type { Incident } from '../../../../shared/domain/incidents/incident';
import { fakeDeps, InMemoryStaffDirectory, InMemoryStudentDirectory, type FakeDeps } from '../../support/fake-deps';
import { auditEventFixture } from '../../support/audit-events';
import { actionFixture, incidentFixture } from '../../support/incident-records';
import { everyPupil, everyStaffMember, pupilsOf, staffOf } from '../../support/school-cast';

/**
 * The redaction fixture (issue 13): an incident about Amara whose text mentions three other
 * pupils — Leo Walsh by full name, Oscar by first name only, Hope (whose name is also an
 * everyday word) by first name — and two members of staff, "RAhmed" (initial and surname)
 * and "Mr Hughes" (title and surname). Leo and Isla are linked to it.
 */
export const oscar: Student = { ...pupilsOf.classmate, id: 'student-oscar', givenName: 'Oscar', familyName: 'Finch', upn: 'E123456789012' };
export const hope: Student = { ...pupilsOf.classmate, id: 'student-hope', givenName: 'Hope', familyName: 'Marsh', upn: 'F123456789012' };

export const fixtureText =
  'At break Leo Walsh pushed Amara off the bench. Oscar saw it and fetched RAhmed. Hope stayed with Amara until Mr Hughes arrived. Amara said "Leo always does this".';

export const namedIncident: Incident = incidentFixture({
  id: '01JHT0000000000000000000I1',
  occurredAt: '2025-01-15T09:40:00.000Z',
  description: fixtureText,
  linkedStudents: [
    { studentId: pupilsOf.classmate.id, role: 'alleged_perpetrator' },
    { studentId: pupilsOf.witness.id, role: 'witness' },
  ],
});

export async function exportSchool(): Promise<FakeDeps> {
  const deps = fakeDeps({ students: new InMemoryStudentDirectory([...everyPupil, oscar, hope]), staff: new InMemoryStaffDirectory([...everyStaffMember]) });
  await recordIncident(deps, namedIncident);
  await deps.incidents.appendAction({
    action: actionFixture({ id: '01JHT0000000000000000000X1', incidentId: namedIncident.id, text: 'Spoke to Leo and his mum; Mr Hughes will watch the bench at break.', authorId: staffOf.designatedLead.id }),
    newlyTaggedStaffIds: [],
    alerts: [],
    audit: auditEventFixture({ id: 'audit-action' }),
    events: [],
  });
  // Closed by the DSL, with a reason: a status change.
  await deps.casework.change({
    incident: { ...namedIncident, status: 'closed', outcome: 'Parents met; Leo apologised.', version: 2 },
    expectedVersion: 1,
    version: {
      incidentId: namedIncident.id,
      version: 2,
      changedBy: staffOf.designatedLead.id,
      at: '2025-01-20T15:00:00.000Z',
      reason: 'Met both families with Mr Hughes.',
      changes: [
        { field: 'status', before: 'active', after: 'closed' },
        { field: 'outcome', before: null, after: 'Parents met; Leo apologised.' },
      ],
    },
    alerts: [],
    audit: auditEventFixture({ id: 'audit-change' }),
    events: [],
  });
  const stored = (await deps.incidents.get(namedIncident.id))!;
  await deps.pupilFiles.refreshTimeline(stored, [
    {
      id: '01JHT0000000000000000000R1',
      incidentId: namedIncident.id,
      studentId: pupilsOf.subject.id,
      agency: 'early_help',
      madeAt: '2025-01-16T10:00:00.000Z',
      madeBy: staffOf.designatedLead.id,
      reference: 'EH-2025-0042',
      responseDueAt: '2025-01-23T10:00:00.000Z',
      state: 'outcome',
      outcome: { at: '2025-01-22T12:00:00.000Z', text: 'Family support worker allocated.', recordedBy: staffOf.designatedLead.id },
      recordedBy: staffOf.designatedLead.id,
      recordedAt: '2025-01-16T10:05:00.000Z',
    },
  ]);
  // A Safeguarding incident in the range, and a Behaviour one outside it.
  await recordIncident(deps, incidentFixture({ id: '01JHT0000000000000000000I2', occurredAt: '2025-02-03T13:10:00.000Z', linkedStudents: [], description: 'Amara told me about home.', categories: [{ categoryId: 'safeguarding', subCategoryIds: [], fields: {} }] }));
  await recordIncident(deps, incidentFixture({ id: '01JHT0000000000000000000I3', occurredAt: '2024-06-03T13:10:00.000Z', linkedStudents: [], description: 'Before the range.' }));
  return deps;
}

export async function recordIncident(deps: FakeDeps, incident: Incident): Promise<void> {
  await deps.incidents.record({ incident, alerts: [], audit: auditEventFixture({ id: `audit-${incident.id}`, recordId: incident.id }), events: [] });
}
