import { describe, expect, it, vi } from 'vitest';
import { MAX_TAGGED, addAction } from '../../../../shared/domain/incidents/add-action';
import { recordIncident } from '../../../../shared/domain/incidents/record-incident';
import { readIncident } from '../../../../shared/domain/incidents/read-incident';
import { NotFoundError, UnprocessableError } from '../../../../shared/errors/lantern-error';
import { schoolDeps, type SchoolDeps } from '../../support/school-deps';
import { callerFor, requestOrigin, staffOf } from '../../support/school-cast';
import { actionInput, incidentInput } from '../../support/incident-input';
import { InMemoryStaffDirectory } from '../../support/fake-deps';
import { everyStaffMember } from '../../support/school-cast';
import { staffProfile } from '../../support/staff-profiles';
import { throughRefusalSeam } from '../../support/refusal-seam';

const author = callerFor(staffOf.author);

async function recorded(deps: SchoolDeps) {
  const { incident } = await recordIncident(deps, author, incidentInput({ alert: { staffIds: [staffOf.teachingAssistant.id] } }), requestOrigin);
  return incident.id;
}

const actionAlerts = (deps: SchoolDeps) => [...deps.alerts.alerts.values()].filter((alert) => alert.kind === 'action');

describe('addAction', () => {
  it('alerts everyone tagged except the author, and returns the action as the author sees it', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await recorded(deps);
    deps.clock.advanceMinutes(30);
    const input = actionInput({ text: 'Phoned home; spoke to mum.', taggedStaffIds: [staffOf.designatedLead.id, staffOf.author.id, staffOf.designatedLead.id] });

    // Act
    const action = await addAction(deps, author, incidentId, input, requestOrigin);

    // Assess
    expect(action).toEqual({
      id: expect.any(String),
      text: 'Phoned home; spoke to mum.',
      author: { id: staffOf.author.id, name: 'Rukhsana Ahmed' },
      taggedStaff: [
        { id: staffOf.designatedLead.id, name: 'Daniel Okafor' },
        { id: staffOf.author.id, name: 'Rukhsana Ahmed' },
      ],
      files: [],
      createdAt: '2025-01-15T10:30:00.000Z',
    });
    expect(actionAlerts(deps)).toEqual([
      expect.objectContaining({ recipientId: staffOf.designatedLead.id, actionId: action.id, incidentId, authorName: 'Rukhsana Ahmed', categoryNames: ['Behaviour'] }),
    ]);
    expect(deps.incidents.outbox.slice(-2).map((event) => event.detailType)).toEqual(['ActionAdded', 'AlertRaised']);
    expect(deps.incidents.actionsAppended[0]!.audit).toMatchObject({ action: 'action.create', outcome: 'allowed', recordId: incidentId, detail: { actionId: action.id } });
  });

  it('records only the staff tagged for the first time', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await recorded(deps);
    await addAction(deps, author, incidentId, actionInput({ taggedStaffIds: [staffOf.designatedLead.id] }), requestOrigin);

    // Act
    await addAction(deps, author, incidentId, actionInput({ taggedStaffIds: [staffOf.designatedLead.id, staffOf.deputyHead.id] }), requestOrigin);

    // Assess
    expect(deps.incidents.actionsAppended.map((write) => write.newlyTaggedStaffIds)).toEqual([[staffOf.designatedLead.id], [staffOf.deputyHead.id]]);
  });

  it('lets alerted staff add an action too', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await recorded(deps);

    // Act
    const action = await addAction(deps, callerFor(staffOf.teachingAssistant), incidentId, actionInput({ taggedStaffIds: [staffOf.author.id] }), requestOrigin);

    // Assess
    expect(action.author.id).toBe(staffOf.teachingAssistant.id);
    expect(actionAlerts(deps).map((alert) => alert.recipientId)).toEqual([staffOf.author.id]);
  });

  it('keeps the requested status as a request; the incident stays as it was', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await recorded(deps);

    // Act
    const action = await addAction(deps, author, incidentId, actionInput({ requestedStatus: 'closed' }), requestOrigin);

    // Assess
    expect(action.requestedStatus).toBe('closed');
    const stored = await deps.incidents.get(incidentId);
    expect(stored!.incident.status).toBe('active');
  });

  it.each([
    ['someone who is not staff', 'staff-nobody'],
    ['a disabled account', staffOf.leaver.id],
  ])('refuses to tag %s, naming the field and writing nothing', async (_who, staffId) => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await recorded(deps);
    const publishedBefore = deps.incidents.outbox.length;

    // Act
    const attempt = addAction(deps, author, incidentId, actionInput({ taggedStaffIds: [staffOf.designatedLead.id, staffId] }), requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnprocessableError);
    await expect(attempt).rejects.toMatchObject({ field: 'taggedStaffIds.1' });
    expect(deps.incidents.actionsAppended).toEqual([]);
    expect(deps.incidents.outbox).toHaveLength(publishedBefore);
  });

  it('tells someone unrelated the incident is not there, audits it, and appends nothing', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await recorded(deps);

    // Act
    const attempt = throughRefusalSeam(deps, callerFor(staffOf.unrelatedTeacher), addAction(deps, callerFor(staffOf.unrelatedTeacher), incidentId, actionInput(), requestOrigin));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(deps.incidents.actionsAppended).toEqual([]);
    expect(deps.audit.events.at(-1)).toMatchObject({ action: 'action.create', outcome: 'refused', reason: 'not_found', staffId: staffOf.unrelatedTeacher.id });
  });

  it('refuses to tag more than 45 people (each is two items of one transaction), writing nothing', async () => {
    // Prepare
    const crowd = Array.from({ length: MAX_TAGGED + 1 }, (_, index) =>
      staffProfile({ id: `staff-crowd-${index}`, email: `crowd.${index}@castlemead.example.sch.uk`, givenName: 'Crowd', familyName: `Member ${index}` }),
    );
    const deps = { ...schoolDeps(), staff: new InMemoryStaffDirectory([...everyStaffMember, ...crowd]) };
    const incidentId = await recorded(deps);
    // The schema stops this at the door; the domain holds the line for any other caller.
    const input = { ...actionInput(), taggedStaffIds: crowd.map((member) => member.id) };

    // Act
    const attempt = addAction(deps, author, incidentId, input, requestOrigin);

    // Assess
    expect(MAX_TAGGED).toBe(45);
    await expect(attempt).rejects.toMatchObject({ code: 'unprocessable', field: 'taggedStaffIds', message: expect.stringContaining('45') });
    expect(deps.incidents.actionsAppended).toEqual([]);
  });

  it('commits its events with the action: a write that fails leaves no event behind', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await recorded(deps);
    const outboxBefore = [...deps.incidents.outbox];
    vi.spyOn(deps.incidents, 'appendAction').mockRejectedValueOnce(new Error('TransactionCanceledException'));

    // Act
    const attempt = addAction(deps, author, incidentId, actionInput({ taggedStaffIds: [staffOf.designatedLead.id] }), requestOrigin);

    // Assess
    await expect(attempt).rejects.toThrow('TransactionCanceledException');
    expect(deps.incidents.actionsAppended).toEqual([]);
    expect(deps.incidents.outbox).toEqual(outboxBefore);
  });

  it('writes ActionAdded and one AlertRaised per tagged person in the action\'s own write, each with its own id', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await recorded(deps);

    // Act
    const action = await addAction(deps, author, incidentId, actionInput({ taggedStaffIds: [staffOf.designatedLead.id] }), requestOrigin);

    // Assess
    const [write] = deps.incidents.actionsAppended;
    expect(write?.events.map((event) => event.detailType)).toEqual(['ActionAdded', 'AlertRaised']);
    expect(write?.events[0]?.detail).toEqual({ incidentId, actionId: action.id, authorId: author.staffId });
    expect(new Set(deps.incidents.outbox.map((event) => event.id)).size).toBe(deps.incidents.outbox.length);
  });

  it('lets a newly tagged member of staff read the incident', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await recorded(deps);
    await addAction(deps, author, incidentId, actionInput({ taggedStaffIds: [staffOf.unrelatedTeacher.id] }), requestOrigin);

    // Act
    const view = await readIncident(deps, callerFor(staffOf.unrelatedTeacher), incidentId, requestOrigin);

    // Assess
    expect(view.actions).toHaveLength(1);
  });
});
