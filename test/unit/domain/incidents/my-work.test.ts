import { describe, expect, it } from 'vitest';
import { recordIncident } from '../../../../shared/domain/incidents/record-incident';
import { listMyIncidents, listMyReminders } from '../../../../shared/domain/incidents/my-work';
import { fullName } from '../../../../shared/domain/students/student';
import { schoolDeps } from '../../support/school-deps';
import { callerFor, pupilsOf, requestOrigin, staffOf } from '../../support/school-cast';
import { incidentInput } from '../../support/incident-input';

const author = callerFor(staffOf.author);
const colleague = callerFor(staffOf.teachingAssistant);

describe("the dashboard's own lists", () => {
  it("lists the caller's incidents newest first with the pupil and category names, and audits the pupils shown", async () => {
    // Prepare
    const deps = schoolDeps();
    await recordIncident(deps, author, incidentInput({ occurredAt: '2025-01-14T12:20:00Z' }), requestOrigin);
    await recordIncident(deps, colleague, incidentInput({ occurredAt: '2025-01-14T13:00:00Z' }), requestOrigin);
    const auditBefore = deps.audit.events.length;

    // Act
    const mine = await listMyIncidents(deps, author, 10, requestOrigin);

    // Assess
    expect(mine.incidents).toHaveLength(1);
    expect(mine.incidents[0]).toMatchObject({ student: { id: pupilsOf.subject.id, name: fullName(pupilsOf.subject) }, occurredAt: '2025-01-14T12:20:00.000Z', status: 'active' });
    expect(mine.incidents[0]!.categoryNames.length).toBeGreaterThan(0);
    expect(deps.audit.events.slice(auditBefore)).toEqual([
      expect.objectContaining({ action: 'incident.list.mine', staffId: staffOf.author.id, outcome: 'allowed', detail: { students: pupilsOf.subject.id } }),
    ]);
    expect(deps.audit.events.at(-1)?.studentIds).toEqual([pupilsOf.subject.id]);
  });

  it("lists the caller's reminders soonest first and leaves out those long past", async () => {
    // Prepare: the clock stands at 2025-01-15T10:00Z
    const deps = schoolDeps();
    await recordIncident(deps, author, incidentInput({ reminder: { at: '2025-01-20T09:00:00Z', note: 'Second check' } }), requestOrigin);
    await recordIncident(deps, author, incidentInput({ reminder: { at: '2025-01-16T09:00:00Z', note: 'First check' } }), requestOrigin);
    await recordIncident(deps, colleague, incidentInput({ reminder: { at: '2025-01-17T09:00:00Z', note: "Someone else's" } }), requestOrigin);

    // Act
    const reminders = await listMyReminders(deps, author, 20, requestOrigin);

    // Assess
    expect(reminders.reminders.map((reminder) => reminder.note)).toEqual(['First check', 'Second check']);
    expect(reminders.reminders[0]!.student.name).toBe(fullName(pupilsOf.subject));
    expect(deps.audit.events.at(-1)).toMatchObject({ action: 'reminder.list.mine', staffId: staffOf.author.id });
  });
});
