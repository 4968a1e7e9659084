import { describe, expect, it } from 'vitest';
import { responseDueAt } from '../../../../shared/domain/referrals/response-timescales';
import { recordReferral, changeReferral } from '../../../../shared/domain/referrals/record-referral';
import { alertOverdueReferral } from '../../../../shared/domain/referrals/alert-overdue-referral';
import { listReferrals } from '../../../../shared/domain/referrals/list-referrals';
import { recordIncident } from '../../../../shared/domain/incidents/record-incident';
import { NewReferral, ReferralChange } from '../../../../shared/schemas/referrals';
import { schoolDeps } from '../../support/school-deps';
import { callerFor, requestOrigin, staffOf } from '../../support/school-cast';
import { incidentInput } from '../../support/incident-input';

const lead = callerFor(staffOf.designatedLead, { elevated: true });

describe('responseDueAt', () => {
  it("gives children's social care one working day: a Friday referral is due on Monday", () => {
    // Act
    const due = responseDueAt(new Date('2025-01-17T14:00:00.000Z'), { workingDays: 1 });

    // Assess
    expect(due.toISOString()).toBe('2025-01-20T14:00:00.000Z');
  });

  it('counts minutes when a school sets its timescale in minutes', () => {
    // Act
    const due = responseDueAt(new Date('2025-01-17T14:00:00.000Z'), { minutes: 90 });

    // Assess
    expect(due.toISOString()).toBe('2025-01-17T15:30:00.000Z');
  });
});

describe('a referral from an incident', () => {
  it('is due by the school timescale, is checked then, and alerts every DSL once when it has no outcome by then', async () => {
    // Prepare
    const deps = schoolDeps();
    const { incident } = await recordIncident(deps, callerFor(staffOf.author), incidentInput(), requestOrigin);
    const referral = await recordReferral(deps, lead, incident.id, NewReferral.parse({ agency: 'childrens_social_care', madeAt: '2025-01-15T09:30:00.000Z', reference: 'MASH-0142' }), requestOrigin);
    deps.clock.set('2025-01-16T09:31:00.000Z');

    // Act
    const first = await alertOverdueReferral(deps, { referralId: referral.id, incidentId: incident.id });
    const again = await alertOverdueReferral(deps, { referralId: referral.id, incidentId: incident.id });

    // Assess
    expect(referral).toMatchObject({ state: 'made', responseDueAt: '2025-01-16T09:30:00.000Z', overdue: false, agencyName: "Children's social care / MASH" });
    expect(deps.referrals.outbox.filter((event) => event.detailType === 'ReferralCheckRequested').map((event) => event.detail)).toEqual([{ referralId: referral.id, incidentId: incident.id, at: '2025-01-16T09:30:00.000Z' }]);
    expect(first).toBe('alerted 1');
    expect(again).toBe('already alerted');
    const overdueAlerts = [...deps.alerts.alerts.values()].filter((alert) => alert.kind === 'referral_overdue');
    expect(overdueAlerts.map((alert) => alert.recipientId)).toEqual([staffOf.designatedLead.id]);
    expect(deps.referrals.outbox.filter((event) => event.detailType === 'AlertRaised').map((event) => (event.detail as { kind: string }).kind)).toEqual(['referral_overdue']);
    const overdue = await listReferrals(deps, lead, 'overdue', { limit: 10 }, requestOrigin);
    expect(overdue.referrals.map((listed) => [listed.id, listed.overdue])).toEqual([[referral.id, true]]);
  });

  it('alerts nobody once the agency has answered with an outcome', async () => {
    // Prepare
    const deps = schoolDeps();
    const { incident } = await recordIncident(deps, callerFor(staffOf.author), incidentInput(), requestOrigin);
    const referral = await recordReferral(deps, lead, incident.id, NewReferral.parse({ agency: 'police', madeAt: '2025-01-15T09:30:00.000Z' }), requestOrigin);
    await changeReferral(deps, lead, incident.id, referral.id, ReferralChange.parse({ state: 'acknowledged' }), requestOrigin);
    await changeReferral(deps, lead, incident.id, referral.id, ReferralChange.parse({ state: 'outcome', outcome: 'No further action by police; school to monitor.' }), requestOrigin);
    deps.clock.set('2025-01-20T09:31:00.000Z');

    // Act
    const outcome = await alertOverdueReferral(deps, { referralId: referral.id, incidentId: incident.id });

    // Assess
    expect(outcome).toBe('answered');
    expect([...deps.alerts.alerts.values()].filter((alert) => alert.kind === 'referral_overdue')).toEqual([]);
    expect((await listReferrals(deps, lead, 'open', { limit: 10 }, requestOrigin)).referrals).toEqual([]);
  });
});
