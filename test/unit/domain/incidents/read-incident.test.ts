import { describe, expect, it } from 'vitest';
import { readIncident } from '../../../../shared/domain/incidents/read-incident';
import { recordIncident } from '../../../../shared/domain/incidents/record-incident';
import { addAction } from '../../../../shared/domain/incidents/add-action';
import { markAlert } from '../../../../shared/domain/alerts/mark-alert';
import { ElevationRequiredError, NotFoundError } from '../../../../shared/errors/lantern-error';
import type { StaffProfile } from '../../../../shared/domain/staff/staff-profile';
import { schoolDeps, type SchoolDeps } from '../../support/school-deps';
import { alertGroupsOf, callerFor, pupilsOf, requestOrigin, staffOf } from '../../support/school-cast';
import { actionInput, incidentInput } from '../../support/incident-input';
import { throughRefusalSeam } from '../../support/refusal-seam';

const as = (profile: StaffProfile, elevated = false) => callerFor(profile, { elevated });

/** A Behaviour concern by the class teacher, alerting the TA and assigned to the deputy head. */
async function behaviourConcern(deps: SchoolDeps, categories = [{ categoryId: 'behaviour' }]) {
  const { incident } = await recordIncident(
    deps,
    as(staffOf.author),
    incidentInput({
      categories,
      alert: { staffIds: [staffOf.teachingAssistant.id] },
      assignedTo: [staffOf.deputyHead.id],
      reminder: { at: '2025-01-17T08:00:00Z', note: 'Ask how the weekend went' },
    }),
    requestOrigin,
  );
  return incident.id;
}

describe('readIncident: who may read', () => {
  it.each([
    ['its author', staffOf.author],
    ['staff alerted to it', staffOf.teachingAssistant],
    ['staff assigned to it', staffOf.deputyHead],
  ])('lets %s read it, and audits the read', async (_who, reader) => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await behaviourConcern(deps);

    // Act
    const view = await readIncident(deps, as(reader), incidentId, requestOrigin);

    // Assess
    expect(view.id).toBe(incidentId);
    expect(deps.audit.events.at(-1)).toMatchObject({ action: 'incident.read', outcome: 'allowed', recordId: incidentId, staffId: reader.id });
  });

  it('lets staff alerted through a group read it', async () => {
    // Prepare
    const deps = schoolDeps();
    const { incident } = await recordIncident(deps, as(staffOf.designatedLead), incidentInput({ alert: { groupIds: [alertGroupsOf.yearFourTeam.id] } }), requestOrigin);

    // Act
    const view = await readIncident(deps, as(staffOf.teachingAssistant), incident.id, requestOrigin);

    // Assess
    expect(view.id).toBe(incident.id);
  });

  it('lets staff tagged in an action read it', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await behaviourConcern(deps);
    await addAction(deps, as(staffOf.author), incidentId, actionInput({ taggedStaffIds: [staffOf.unrelatedTeacher.id] }), requestOrigin);

    // Act
    const view = await readIncident(deps, as(staffOf.unrelatedTeacher), incidentId, requestOrigin);

    // Assess
    expect(view.id).toBe(incidentId);
  });

  it('tells an unrelated teacher it is not there, and audits the refusal', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await behaviourConcern(deps);

    // Act
    const attempt = throughRefusalSeam(deps, as(staffOf.unrelatedTeacher), readIncident(deps, as(staffOf.unrelatedTeacher), incidentId, requestOrigin));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(deps.audit.events.at(-1)).toMatchObject({
      action: 'incident.read',
      outcome: 'refused',
      reason: 'not_found',
      recordType: 'incident',
      recordId: incidentId,
      staffId: staffOf.unrelatedTeacher.id,
      requestId: requestOrigin.requestId,
      sourceIp: requestOrigin.sourceIp,
    });
  });

  it('answers an incident that does not exist the same way, audited too', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const attempt = throughRefusalSeam(deps, as(staffOf.designatedLead, true), readIncident(deps, as(staffOf.designatedLead, true), '01JHT0000000000000000000999', requestOrigin));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(deps.audit.events).toEqual([expect.objectContaining({ outcome: 'refused', reason: 'not_found', recordId: '01JHT0000000000000000000999' })]);
  });

  it('gives an administrator no incident content', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await behaviourConcern(deps);

    // Act
    const attempt = readIncident(deps, as(staffOf.officeManager), incidentId, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lets an elevated DSL read any incident', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await behaviourConcern(deps, [{ categoryId: 'behaviour' }, { categoryId: 'safeguarding' }]);

    // Act
    const view = await readIncident(deps, as(staffOf.designatedLead, true), incidentId, requestOrigin);

    // Assess
    expect(view.id).toBe(incidentId);
    expect(deps.audit.events.at(-1)).toMatchObject({ outcome: 'allowed', elevated: true });
  });

  it('asks an unrelated DSL who has not stepped up to elevate, and audits it', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await behaviourConcern(deps);

    // Act
    const attempt = throughRefusalSeam(deps, as(staffOf.designatedLead, false), readIncident(deps, as(staffOf.designatedLead, false), incidentId, requestOrigin));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ElevationRequiredError);
    expect(deps.audit.events.at(-1)).toMatchObject({ outcome: 'refused', reason: 'elevation_required', elevated: false });
  });

  it('lets an elevated member of SLT read a Behaviour-only incident they are not related to', async () => {
    // Prepare
    const deps = schoolDeps();
    const { incident } = await recordIncident(deps, as(staffOf.author), incidentInput(), requestOrigin);

    // Act
    const view = await readIncident(deps, as(staffOf.deputyHead, true), incident.id, requestOrigin);

    // Assess
    expect(view.categories.map((category) => category.name)).toEqual(['Behaviour']);
  });

  it('keeps a Behaviour + Safeguarding incident from an elevated member of SLT (404)', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = incidentInput({ categories: [{ categoryId: 'behaviour' }, { categoryId: 'safeguarding' }] });
    const { incident } = await recordIncident(deps, as(staffOf.author), input, requestOrigin);

    // Act
    const attempt = readIncident(deps, as(staffOf.deputyHead, true), incident.id, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });

  it('treats a category since removed from the catalogue as DSL-only', async () => {
    // Prepare
    const deps = schoolDeps();
    const { incident } = await recordIncident(deps, as(staffOf.author), incidentInput(), requestOrigin);
    deps.categories.categories.splice(deps.categories.categories.findIndex((category) => category.id === 'behaviour'), 1);

    // Act
    const attempt = readIncident(deps, as(staffOf.deputyHead, true), incident.id, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    await expect(readIncident(deps, as(staffOf.designatedLead, true), incident.id, requestOrigin)).resolves.toMatchObject({ id: incident.id });
  });
});

describe('readIncident: what each reader sees', () => {
  /** Three actions: the author's tagging the TA, the TA's own, the deputy's tagging the author. */
  async function concernWithActions(deps: SchoolDeps) {
    const incidentId = await behaviourConcern(deps);
    await addAction(deps, as(staffOf.author), incidentId, actionInput({ text: 'Phoned home.', taggedStaffIds: [staffOf.teachingAssistant.id] }), requestOrigin);
    await addAction(deps, as(staffOf.teachingAssistant), incidentId, actionInput({ text: 'Kept an eye at lunch.' }), requestOrigin);
    await addAction(deps, as(staffOf.deputyHead), incidentId, actionInput({ text: 'Met parents.', taggedStaffIds: [staffOf.author.id] }), requestOrigin);
    return incidentId;
  }

  it.each([
    ['the author', staffOf.author, ['Phoned home.', 'Met parents.']],
    ['the teaching assistant', staffOf.teachingAssistant, ['Phoned home.', 'Kept an eye at lunch.']],
    ['the deputy head, not elevated', staffOf.deputyHead, ['Met parents.']],
  ])('shows %s only the actions they wrote or were tagged in', async (_who, reader, expected) => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await concernWithActions(deps);

    // Act
    const view = await readIncident(deps, as(reader), incidentId, requestOrigin);

    // Assess
    expect(view.actions.map((action) => action.text)).toEqual(expected);
  });

  it('shows an elevated reader every action', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await concernWithActions(deps);

    // Act
    const view = await readIncident(deps, as(staffOf.designatedLead, true), incidentId, requestOrigin);

    // Assess
    expect(view.actions.map((action) => action.text)).toEqual(['Phoned home.', 'Kept an eye at lunch.', 'Met parents.']);
  });

  it('shows the planner reminder to its author only', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await behaviourConcern(deps);

    // Act
    const authorView = await readIncident(deps, as(staffOf.author), incidentId, requestOrigin);
    const assistantView = await readIncident(deps, as(staffOf.teachingAssistant), incidentId, requestOrigin);

    // Assess
    expect(authorView.reminder).toEqual({ at: '2025-01-17T08:00:00.000Z', note: 'Ask how the weekend went' });
    expect(assistantView).not.toHaveProperty('reminder');
  });

  it('keeps read access for alerted staff after they read their alert', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await behaviourConcern(deps);
    const [alert] = [...deps.alerts.alerts.values()];
    await markAlert(deps, as(staffOf.teachingAssistant), alert!.id, 'acknowledged', requestOrigin);

    // Act
    const view = await readIncident(deps, as(staffOf.teachingAssistant), incidentId, requestOrigin);

    // Assess
    expect(view.id).toBe(incidentId);
  });
});

describe('readIncident: who has looked at this child', () => {
  it('audits the read under the pupil and every linked pupil the view names', async () => {
    // Prepare
    const deps = schoolDeps();
    const { incident } = await recordIncident(
      deps,
      as(staffOf.author),
      incidentInput({ linkedStudents: [{ studentId: pupilsOf.classmate.id, role: 'alleged_perpetrator' }, { studentId: pupilsOf.witness.id, role: 'witness' }] }),
      requestOrigin,
    );

    // Act
    const view = await readIncident(deps, as(staffOf.author), incident.id, requestOrigin);
    const byWitness = await deps.audit.search({ by: 'student', id: pupilsOf.witness.id, limit: 10 });

    // Assess
    expect(view.linkedStudents.map((linked) => linked.name)).toEqual(['Leo Walsh', 'Isla Bennett']);
    expect(deps.audit.events.at(-1)).toMatchObject({ action: 'incident.read', studentIds: [pupilsOf.subject.id, pupilsOf.classmate.id, pupilsOf.witness.id] });
    expect(byWitness.events.map((event) => event.action)).toEqual(['incident.create', 'incident.read']);
  });
});
