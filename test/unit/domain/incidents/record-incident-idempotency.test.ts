import { describe, expect, it, vi } from 'vitest';
import { recordIncident } from '../../../../shared/domain/incidents/record-incident';
import { ConflictError } from '../../../../shared/errors/lantern-error';
import { schoolDeps } from '../../support/school-deps';
import { callerFor, requestOrigin, staffOf } from '../../support/school-cast';
import { incidentInput } from '../../support/incident-input';

const author = callerFor(staffOf.author);
const withKey = (idempotencyKey: string) => ({ ...requestOrigin, idempotencyKey });
const alerting = () => incidentInput({ alert: { staffIds: [staffOf.designatedLead.id] } });

describe('recordIncident with an Idempotency-Key', () => {
  it('answers a retry with the same incident, created=false, writing nothing new and publishing its events again', async () => {
    // Prepare
    const deps = schoolDeps();
    const first = await recordIncident(deps, author, alerting(), withKey('b1d5-retry'));
    deps.clock.advanceMinutes(1);

    // Act
    const retry = await recordIncident(deps, author, alerting(), withKey('b1d5-retry'));

    // Assess
    expect(retry.created).toBe(false);
    expect(retry.incident.id).toBe(first.incident.id);
    expect(deps.incidents.recorded).toHaveLength(1);
    expect(deps.alerts.alerts.size).toBe(1);
    // The first attempt's events committed with its incident: a replay writes none again.
    expect(deps.incidents.outbox.map((event) => event.detailType)).toEqual(['IncidentRecorded', 'AlertRaised']);
    expect(deps.audit.events.map((event) => event.action)).toEqual(['incident.create', 'incident.create.replayed']);
  });

  it('treats the same content with keys in another order as the same request', async () => {
    // Prepare
    const deps = schoolDeps();
    const first = await recordIncident(deps, author, alerting(), withKey('b1d5-retry'));
    const reordered = Object.fromEntries(Object.entries(alerting()).reverse()) as ReturnType<typeof alerting>;

    // Act
    const retry = await recordIncident(deps, author, reordered, withKey('b1d5-retry'));

    // Assess
    expect(retry).toMatchObject({ created: false, incident: { id: first.incident.id } });
  });

  it('refuses the same key with a different body, writing nothing more', async () => {
    // Prepare
    const deps = schoolDeps();
    await recordIncident(deps, author, alerting(), withKey('b1d5-retry'));
    const different = incidentInput({ description: 'A different concern about another day.' });

    // Act
    const attempt = recordIncident(deps, author, different, withKey('b1d5-retry'));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(deps.incidents.recorded).toHaveLength(1);
  });

  it('lets another member of staff use the same key for their own incident', async () => {
    // Prepare
    const deps = schoolDeps();
    const first = await recordIncident(deps, author, alerting(), withKey('b1d5-retry'));

    // Act
    const other = await recordIncident(deps, callerFor(staffOf.teachingAssistant), alerting(), withKey('b1d5-retry'));

    // Assess
    expect(other.created).toBe(true);
    expect(other.incident.id).not.toBe(first.incident.id);
    expect(deps.incidents.recorded).toHaveLength(2);
  });

  it('records a new incident once the key has expired (after 24 hours)', async () => {
    // Prepare
    const deps = schoolDeps();
    const first = await recordIncident(deps, author, alerting(), withKey('b1d5-retry'));
    deps.clock.advanceMinutes(24 * 60 + 1);

    // Act
    const later = await recordIncident(deps, author, alerting(), withKey('b1d5-retry'));

    // Assess
    expect(later.created).toBe(true);
    expect(later.incident.id).not.toBe(first.incident.id);
    expect(deps.incidents.recorded).toHaveLength(2);
  });

  it('answers with the winner when a concurrent retry took the key between the check and the write', async () => {
    // Prepare
    const deps = schoolDeps();
    const first = await recordIncident(deps, author, alerting(), withKey('b1d5-retry'));
    // The retry's first look finds nothing: the other request has not committed yet.
    vi.spyOn(deps.incidents, 'findIdempotency').mockResolvedValueOnce(undefined);

    // Act
    const retry = await recordIncident(deps, author, alerting(), withKey('b1d5-retry'));

    // Assess
    expect(retry).toMatchObject({ created: false, incident: { id: first.incident.id } });
    expect(deps.incidents.recorded).toHaveLength(1);
    expect(deps.incidents.outbox.map((event) => event.detailType)).toEqual(['IncidentRecorded', 'AlertRaised']);
  });
});
