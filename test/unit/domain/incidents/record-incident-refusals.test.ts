import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { recordIncident } from '../../../../shared/domain/incidents/record-incident';
import { ForbiddenError, UnprocessableError } from '../../../../shared/errors/lantern-error';
import type { NewIncident } from '../../../../shared/schemas/incidents';
import { InMemoryStaffDirectory } from '../../support/fake-deps';
import { schoolDeps, type SchoolDeps } from '../../support/school-deps';
import { callerFor, everyStaffMember, pupilsOf, requestOrigin, staffOf } from '../../support/school-cast';
import { staffProfile } from '../../support/staff-profiles';
import { incidentInput } from '../../support/incident-input';
import { throughRefusalSeam } from '../../support/refusal-seam';

const author = callerFor(staffOf.author);

function expectNothingWritten(deps: SchoolDeps) {
  expect(deps.incidents.recorded).toEqual([]);
  expect(deps.alerts.alerts.size).toBe(0);
  expect(deps.audit.events).toEqual([]);
  expect(deps.incidents.outbox).toEqual([]);
  expect(deps.reminders.scheduled).toEqual([]);
}

const linked = (studentId: string) => ({ studentId, role: 'involved' as const });
const behaviour = (fields: Record<string, string | number | string[]>) => [{ categoryId: 'behaviour', fields }];

/** Each body is well formed but breaks a rule of the school's records. */
const brokenRules: [string, Partial<z.input<typeof NewIncident>>, string][] = [
  ['a pupil the school does not have', { studentId: 'student-nobody' }, 'studentId'],
  ['an archived pupil', { studentId: pupilsOf.archived.id }, 'studentId'],
  ['a linked pupil the school does not have', { linkedStudents: [linked('student-nobody')] }, 'linkedStudents.0.studentId'],
  ['an archived linked pupil', { linkedStudents: [linked(pupilsOf.classmate.id), linked(pupilsOf.archived.id)] }, 'linkedStudents.1.studentId'],
  ['the same linked pupil twice', { linkedStudents: [linked(pupilsOf.classmate.id), linked(pupilsOf.classmate.id)] }, 'linkedStudents.1.studentId'],
  ['the subject linked to their own incident', { linkedStudents: [linked(pupilsOf.subject.id)] }, 'linkedStudents.0.studentId'],
  ['a category the school does not have', { categories: [{ categoryId: 'astrology' }] }, 'categories.0.categoryId'],
  ['the same category twice', { categories: [{ categoryId: 'health' }, { categoryId: 'health' }] }, 'categories.1.categoryId'],
  ['a sub-category of another category', { categories: [{ categoryId: 'behaviour', subCategoryIds: ['damage', 'neglect'] }] }, 'categories.0.subCategoryIds.1'],
  ['a field the category does not ask', { categories: behaviour({ mood: 'upset' }) }, 'categories.0.fields.mood'],
  ['a multi-select answered with text', { categories: behaviour({ outcomes: 'Aggressive incident' }) }, 'categories.0.fields.outcomes'],
  ['a multi-select choice not on the list', { categories: behaviour({ outcomes: ['Sent home'] }) }, 'categories.0.fields.outcomes'],
  [
    'Physical Intervention without the time in the hold',
    { categories: [{ categoryId: 'physical-intervention', fields: { 'hold-used': 'Small person hold' } }] },
    'categories.0.fields.duration-minutes',
  ],
  [
    'Physical Intervention with minutes as text',
    { categories: [{ categoryId: 'physical-intervention', fields: { 'hold-used': 'Small person hold', 'duration-minutes': 'four' } }] },
    'categories.0.fields.duration-minutes',
  ],
  ['a location not on the school’s list', { location: 'Swimming pool' }, 'location'],
  ['assigned to someone who is not staff', { assignedTo: ['staff-nobody'] }, 'assignedTo.0'],
  ['assigned to a disabled account', { assignedTo: [staffOf.designatedLead.id, staffOf.leaver.id] }, 'assignedTo.1'],
  ['alerting someone who is not staff', { alert: { staffIds: ['staff-nobody'] } }, 'alert.staffIds.0'],
  ['alerting a group that does not exist', { alert: { groupIds: ['governors'] } }, 'alert.groupIds.0'],
];

describe('recordIncident refuses what breaks the school’s rules', () => {
  it.each(brokenRules)('refuses %s with a 422 naming the field, and writes nothing', async (_case, change, field) => {
    // Prepare
    const deps = schoolDeps();
    const input = incidentInput(change);

    // Act
    const attempt = recordIncident(deps, author, input, { ...requestOrigin, idempotencyKey: 'retry-1' });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnprocessableError);
    await expect(attempt).rejects.toMatchObject({ code: 'unprocessable', field });
    expectNothingWritten(deps);
  });

  it('refuses to alert more than 28 people', async () => {
    // Prepare
    const crowd = Array.from({ length: 29 }, (_, index) =>
      staffProfile({ id: `staff-crowd-${index}`, email: `crowd.${index}@castlemead.example.sch.uk`, givenName: 'Crowd', familyName: `Member ${index}` }),
    );
    const deps = schoolDeps();
    const withCrowd = { ...deps, staff: new InMemoryStaffDirectory([...everyStaffMember, ...crowd]) };
    const input = incidentInput({ alert: { staffIds: crowd.map((member) => member.id) } });

    // Act
    const attempt = recordIncident(withCrowd, author, input, requestOrigin);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'unprocessable', field: 'alert', message: expect.stringContaining('29') });
    expectNothingWritten(deps);
  });

  it('alerts exactly 28 people', async () => {
    // Prepare
    const crowd = Array.from({ length: 28 }, (_, index) =>
      staffProfile({ id: `staff-crowd-${index}`, email: `crowd.${index}@castlemead.example.sch.uk`, givenName: 'Crowd', familyName: `Member ${index}` }),
    );
    const deps = schoolDeps();
    const withCrowd = { ...deps, staff: new InMemoryStaffDirectory([...everyStaffMember, ...crowd]) };
    const input = incidentInput({ alert: { staffIds: crowd.map((member) => member.id) } });

    // Act
    await recordIncident(withCrowd, author, input, requestOrigin);

    // Assess
    expect(deps.incidents.recorded[0]!.alerts).toHaveLength(28);
  });

  it('refuses Child Protection from a teacher, writing only the refusal to the audit trail', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = incidentInput({ categories: [{ categoryId: 'safeguarding' }, { categoryId: 'child-protection' }] });

    // Act
    const attempt = throughRefusalSeam(deps, author, recordIncident(deps, author, input, requestOrigin));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect(deps.audit.events).toEqual([
      expect.objectContaining({ action: 'incident.create', outcome: 'refused', reason: 'forbidden', staffId: staffOf.author.id, studentIds: [pupilsOf.subject.id] }),
    ]);
    deps.audit.events.length = 0;
    expectNothingWritten(deps);
  });

  it('lets a DSL apply Child Protection', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = incidentInput({ categories: [{ categoryId: 'child-protection' }] });

    // Act
    const result = await recordIncident(deps, callerFor(staffOf.designatedLead), input, requestOrigin);

    // Assess
    expect(result.created).toBe(true);
    expect(deps.incidents.recorded[0]!.incident.categories).toEqual([{ categoryId: 'child-protection', subCategoryIds: [], fields: {} }]);
  });

  it('keeps a complete Physical Intervention record, answers trimmed', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = incidentInput({ categories: [{ categoryId: 'physical-intervention', fields: { 'hold-used': ' Small person hold ', 'duration-minutes': 4 } }] });

    // Act
    await recordIncident(deps, author, input, requestOrigin);

    // Assess
    expect(deps.incidents.recorded[0]!.incident.categories[0]!.fields).toEqual({ 'hold-used': 'Small person hold', 'duration-minutes': 4 });
  });
});
