import { describe, expect, it } from 'vitest';
import { changeIncident } from '../../../../shared/domain/casework/change-incident';
import { reviewIncident } from '../../../../shared/domain/casework/review-incident';
import { incidentHistory } from '../../../../shared/domain/casework/incident-history';
import { listTriage } from '../../../../shared/domain/casework/list-incidents';
import { recordIncident } from '../../../../shared/domain/incidents/record-incident';
import { IncidentChange } from '../../../../shared/schemas/casework';
import { VersionConflictError } from '../../../../shared/errors/lantern-error';
import type { IncidentChangeWrite } from '../../../../shared/domain/ports';
import { schoolDeps, type SchoolDeps } from '../../support/school-deps';
import { callerFor, requestOrigin, staffOf } from '../../support/school-cast';
import { incidentInput } from '../../support/incident-input';

const author = callerFor(staffOf.author);
const lead = callerFor(staffOf.designatedLead, { elevated: true });

async function recorded(deps: SchoolDeps) {
  const { incident } = await recordIncident(deps, author, incidentInput(), requestOrigin);
  return incident.id;
}

/** The writes the casework store was handed, as one transaction each. */
function captureWrites(deps: SchoolDeps): IncidentChangeWrite[] {
  const writes: IncidentChangeWrite[] = [];
  const change = deps.casework.change.bind(deps.casework);
  deps.casework.change = async (write) => {
    writes.push(write);
    return change(write);
  };
  return writes;
}

describe('changeIncident', () => {
  it('re-categorises and closes with a reason as one write: the incident, its version (who, when, why, before → after) and the audit event', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await recorded(deps);
    const writes = captureWrites(deps);
    deps.clock.advanceMinutes(45);
    const input = IncidentChange.parse({
      expectedVersion: 1,
      reason: 'A DSL read it: this is a safeguarding concern, handled with the family.',
      categories: [{ categoryId: 'safeguarding', subCategoryIds: ['emotional-abuse'] }],
      status: 'closed',
      outcome: 'Met mum; early help offered and accepted.',
    });

    // Act
    const result = await changeIncident(deps, lead, incidentId, input, requestOrigin);

    // Assess
    expect(writes).toHaveLength(1);
    const [write] = writes;
    expect(write!.expectedVersion).toBe(1);
    expect(write!.incident).toMatchObject({ version: 2, status: 'closed', outcome: 'Met mum; early help offered and accepted.', categories: [{ categoryId: 'safeguarding', subCategoryIds: ['emotional-abuse'] }] });
    expect(write!.version).toEqual({
      incidentId,
      version: 2,
      changedBy: staffOf.designatedLead.id,
      at: '2025-01-15T10:45:00.000Z',
      reason: 'A DSL read it: this is a safeguarding concern, handled with the family.',
      changes: [
        { field: 'categories', before: [expect.objectContaining({ categoryId: 'behaviour' })], after: [expect.objectContaining({ categoryId: 'safeguarding' })] },
        { field: 'status', before: 'active', after: 'closed' },
        { field: 'outcome', before: null, after: 'Met mum; early help offered and accepted.' },
      ],
    });
    expect(write!.audit).toMatchObject({ action: 'incident.update', outcome: 'allowed', recordId: incidentId, studentIds: [expect.any(String)], detail: { version: '2', fields: 'categories,status,outcome' } });
    expect(result.incident).toMatchObject({ version: 2, status: 'closed' });
    const updated = write!.events.find((event) => event.detailType === 'IncidentUpdated');
    expect(deps.incidents.outbox).toContain(updated);
    expect(updated!.detail).toMatchObject({ incidentId, version: 2, before: { categoryIds: ['behaviour'], status: 'active' }, after: { categoryIds: ['safeguarding'], status: 'closed' } });
  });

  it('answers 409 with the current version to a change made against an older one, and writes nothing', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await recorded(deps);
    await changeIncident(deps, lead, incidentId, IncidentChange.parse({ expectedVersion: 1, reason: 'Assigned to the DSL.', assignedTo: [staffOf.designatedLead.id] }), requestOrigin);
    const writes = captureWrites(deps);

    // Act
    const stale = changeIncident(deps, lead, incidentId, IncidentChange.parse({ expectedVersion: 1, reason: 'Closing.', status: 'closed', outcome: 'Resolved.' }), requestOrigin);

    // Assess
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    expect(writes).toHaveLength(0);
  });

  it('answers 409 when another change commits between reading and writing (the store refuses the old version)', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await recorded(deps);
    const get = deps.incidents.get.bind(deps.incidents);
    let raced = false;
    // A colleague's change lands just after this request read the incident.
    deps.incidents.get = async (id) => {
      const stored = await get(id);
      if (!raced && stored) {
        raced = true;
        await deps.casework.change({ incident: { ...stored.incident, version: 2 }, expectedVersion: 1, version: { incidentId, version: 2, changedBy: staffOf.deputyHead.id, at: '2025-01-15T10:01:00.000Z', reason: 'x', changes: [] }, alerts: [], audit: { ...lastAudit(deps), id: 'race' }, events: [] });
      }
      return stored;
    };

    // Act
    const attempt = changeIncident(deps, lead, incidentId, IncidentChange.parse({ expectedVersion: 1, reason: 'Agencies involved.', agencies: ['Early help'] }), requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
    await expect(attempt).rejects.toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    expect(deps.casework.versions.map((version) => version.changedBy)).toEqual([staffOf.deputyHead.id]);
  });

  it('alerts newly assigned staff, and nobody already assigned', async () => {
    // Prepare
    const deps = schoolDeps();
    const incidentId = await recorded(deps);

    // Act
    await changeIncident(deps, lead, incidentId, IncidentChange.parse({ expectedVersion: 1, reason: 'The deputy head follows up.', assignedTo: [staffOf.deputyHead.id] }), requestOrigin);

    // Assess
    const alerts = [...deps.alerts.alerts.values()].filter((alert) => alert.recipientId === staffOf.deputyHead.id && alert.incidentId === incidentId && alert.authorId === staffOf.designatedLead.id);
    expect(alerts).toHaveLength(1);
  });

  it('refuses to close without an outcome, and a change with no reason, naming the field', () => {
    // Act
    const noOutcome = IncidentChange.safeParse({ expectedVersion: 1, reason: 'Done.', status: 'closed' });
    const noReason = IncidentChange.safeParse({ expectedVersion: 1, reason: ' ', status: 'active' });
    const description = IncidentChange.safeParse({ expectedVersion: 1, reason: 'Fix a typo.', description: 'Changed words', agencies: [] });

    // Assess
    expect(noOutcome.success ? [] : noOutcome.error.issues.map((issue) => issue.path.join('.'))).toEqual(['outcome']);
    expect(noReason.success ? [] : noReason.error.issues.map((issue) => issue.path.join('.'))).toEqual(['reason']);
    expect(description.success).toBe(false);
  });
});

describe('reviewIncident and the triage list', () => {
  it('takes a reviewed incident off the triage list, oldest first, and keeps the review as a version', async () => {
    // Prepare
    const deps = schoolDeps();
    const first = await recorded(deps);
    deps.clock.advanceMinutes(5);
    const second = await recorded(deps);
    const before = await listTriage(deps, lead, { limit: 10 }, requestOrigin);

    // Act
    await reviewIncident(deps, lead, first, { note: 'Seen; no further action.' }, requestOrigin);

    // Assess
    const after = await listTriage(deps, lead, { limit: 10 }, requestOrigin);
    expect(before.incidents.map((incident) => incident.id)).toEqual([first, second]);
    expect(after.incidents.map((incident) => incident.id)).toEqual([second]);
    const history = await incidentHistory(deps, lead, first, requestOrigin);
    expect(history.versions).toEqual([expect.objectContaining({ version: 2, reason: 'Seen; no further action.', changes: [{ field: 'reviewed', before: false, after: true }] })]);
    expect(lastAudit(deps)).toMatchObject({ action: 'incident.history.read', studentIds: [expect.any(String)] });
  });
});

function lastAudit(deps: SchoolDeps) {
  return deps.audit.events[deps.audit.events.length - 1]!;
}
