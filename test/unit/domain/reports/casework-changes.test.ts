import { describe, expect, it } from 'vitest';
import { projectIncident } from '../../../../shared/domain/reports/project-incident';
import { readReportSummary } from '../../../../shared/domain/reports/read-report';
import { readChronology } from '../../../../shared/domain/casework/read-chronology';
import { changeIncident } from '../../../../shared/domain/casework/change-incident';
import { recordIncident } from '../../../../shared/domain/incidents/record-incident';
import { changeReferral, recordReferral } from '../../../../shared/domain/referrals/record-referral';
import { IncidentChange } from '../../../../shared/schemas/casework';
import { NewReferral, ReferralChange } from '../../../../shared/schemas/referrals';
import { IncidentEventDetail } from '../../../../shared/schemas/events';
import type { DomainEvent } from '../../../../shared/domain/ports';
import { schoolDeps, type SchoolDeps } from '../../support/school-deps';
import { callerFor, pupilsOf, requestOrigin, staffOf } from '../../support/school-cast';
import { incidentInput } from '../../support/incident-input';
import { seniorLeader } from '../../support/callers';

/**
 * The casework projector after part A's changes: it consumes IncidentUpdated (a PATCH that
 * re-categorises or closes) and ReferralChanged (a referral recorded or answered) as the
 * consumer does, by the incident id in the event, and works from state.
 */
const author = callerFor(staffOf.author);
const lead = callerFor(staffOf.designatedLead, { elevated: true });
const year = { from: '2024-09-01', to: '2025-08-31' };

/** Delivers to the projector, as the bus would, every event of these types committed (incidents' and referrals') and not yet delivered. */
async function deliver(deps: SchoolDeps, delivered: Set<string>, types: readonly string[]): Promise<DomainEvent[]> {
  const due = [...deps.incidents.outbox, ...deps.referrals.outbox].filter((event) => types.includes(event.detailType) && !delivered.has(event.id));
  for (const event of due) {
    delivered.add(event.id);
    await projectIncident(deps, IncidentEventDetail.parse(event.detail).incidentId);
  }
  return due;
}

const categoryCounts = async (deps: SchoolDeps) =>
  Object.fromEntries((await readReportSummary(deps, lead, { ...year, groupBy: 'category' }, requestOrigin)).groups.map((group) => [group.key, [group.open, group.closed]]));

describe('report counters after a DSL changes an incident', () => {
  it('moves the counts when a PATCH re-categorises and closes, and a redelivered IncidentUpdated changes nothing', async () => {
    // Prepare: a Behaviour incident, counted.
    const deps = schoolDeps();
    const { incident } = await recordIncident(deps, author, incidentInput(), requestOrigin);
    const delivered = new Set<string>();
    await deliver(deps, delivered, ['IncidentRecorded']);
    const before = await categoryCounts(deps);
    // Act: a DSL re-categorises it as Safeguarding and closes it; the event arrives twice.
    await changeIncident(
      deps,
      lead,
      incident.id,
      IncidentChange.parse({ expectedVersion: 1, reason: 'Read by the DSL: a safeguarding concern, handled.', categories: [{ categoryId: 'safeguarding' }], status: 'closed', outcome: 'Spoke to mum; early help offered.' }),
      requestOrigin,
    );
    const updated = await deliver(deps, delivered, ['IncidentUpdated']);
    for (const event of updated) await projectIncident(deps, IncidentEventDetail.parse(event.detail).incidentId);
    const after = await categoryCounts(deps);
    // Assess
    expect(updated.map((event) => event.detailType)).toEqual(['IncidentUpdated']);
    expect(before).toEqual({ behaviour: [1, 0] });
    expect(after).toEqual({ safeguarding: [0, 1] });
  });

  it("keeps SLT's report without the incident once a DSL moves it into a category closed to them", async () => {
    // Prepare
    const deps = schoolDeps();
    const { incident } = await recordIncident(deps, author, incidentInput(), requestOrigin);
    const delivered = new Set<string>();
    await deliver(deps, delivered, ['IncidentRecorded']);
    const sltBefore = await readReportSummary(deps, seniorLeader(true), { ...year, groupBy: 'category' }, requestOrigin);
    // Act
    await changeIncident(deps, lead, incident.id, IncidentChange.parse({ expectedVersion: 1, reason: 'A child protection matter.', categories: [{ categoryId: 'child-protection' }] }), requestOrigin);
    await deliver(deps, delivered, ['IncidentUpdated']);
    const sltAfter = await readReportSummary(deps, seniorLeader(true), { ...year, groupBy: 'category' }, requestOrigin);
    // Assess
    expect(sltBefore.total).toBe(1);
    expect(sltAfter.total).toBe(0);
    expect(sltAfter.groups).toEqual([]);
  });
});

describe('referrals in the report and the chronology', () => {
  it('counts referrals by agency and where they stand, moving a referral from made to outcome once it is answered', async () => {
    // Prepare
    const deps = schoolDeps();
    const { incident } = await recordIncident(deps, author, incidentInput(), requestOrigin);
    const delivered = new Set<string>();
    await deliver(deps, delivered, ['IncidentRecorded']);
    // Act
    const referral = await recordReferral(deps, lead, incident.id, NewReferral.parse({ agency: 'childrens_social_care', madeAt: '2025-01-15T09:30:00.000Z', reference: 'MASH-0142' }), requestOrigin);
    await recordReferral(deps, lead, incident.id, NewReferral.parse({ agency: 'early_help', madeAt: '2025-01-15T09:40:00.000Z' }), requestOrigin);
    await deliver(deps, delivered, ['ReferralChanged']);
    const whileAwaited = (await readReportSummary(deps, lead, { ...year, groupBy: 'category' }, requestOrigin)).referrals;
    await changeReferral(deps, lead, incident.id, referral.id, ReferralChange.parse({ state: 'outcome', outcome: 'Strategy discussion held; section 47 enquiry opened.' }), requestOrigin);
    await deliver(deps, delivered, ['ReferralChanged']);
    const answered = (await readReportSummary(deps, lead, { ...year, groupBy: 'category' }, requestOrigin)).referrals;
    // Assess
    expect(whileAwaited).toEqual([
      { agency: 'childrens_social_care', state: 'made', count: 1 },
      { agency: 'early_help', state: 'made', count: 1 },
    ]);
    expect(answered).toEqual([
      { agency: 'childrens_social_care', state: 'outcome', count: 1 },
      { agency: 'early_help', state: 'made', count: 1 },
    ]);
  });

  it('never lets a run that read the incident before its referral undo the count of a run that read it after', async () => {
    // Prepare: the IncidentRecorded run is slow; the referral is recorded and its own run counts it meanwhile.
    const deps = schoolDeps();
    const { incident } = await recordIncident(deps, author, incidentInput(), requestOrigin);
    await recordReferral(deps, lead, incident.id, NewReferral.parse({ agency: 'camhs', madeAt: '2025-01-15T09:30:00.000Z' }), requestOrigin);
    const listForIncident = deps.referrals.listForIncident.bind(deps.referrals);
    let slowRunReads = 0;
    const slow = {
      ...deps,
      referrals: Object.assign(Object.create(deps.referrals), {
        listForIncident: async (incidentId: string) => {
          slowRunReads += 1;
          if (slowRunReads > 1) return listForIncident(incidentId);
          await projectIncident(deps, incidentId);
          return [];
        },
      }),
    };
    // Act
    const outcome = await projectIncident(slow, incident.id);
    const report = await readReportSummary(deps, lead, { ...year, groupBy: 'category' }, requestOrigin);
    // Assess
    expect(outcome).toBe('unchanged');
    expect(slowRunReads).toBe(2);
    expect(report.referrals).toEqual([{ agency: 'camhs', state: 'made', count: 1 }]);
  });

  it("shows a referral on the pupil's chronology after its incident, with its outcome once answered", async () => {
    // Prepare
    const deps = schoolDeps();
    const { incident } = await recordIncident(deps, author, incidentInput(), requestOrigin);
    const referral = await recordReferral(deps, lead, incident.id, NewReferral.parse({ agency: 'police', madeAt: '2025-01-15T09:30:00.000Z', reference: 'PC-2201' }), requestOrigin);
    await changeReferral(deps, lead, incident.id, referral.id, ReferralChange.parse({ state: 'outcome', outcome: 'No further police action.' }), requestOrigin);
    await deliver(deps, new Set(), ['IncidentRecorded', 'ReferralChanged']);
    // Act
    const page = await readChronology(deps, lead, pupilsOf.subject.id, { limit: 50 }, requestOrigin);
    // Assess
    expect(page.entries.map((entry) => entry.kind)).toEqual(['incident', 'referral']);
    expect(page.entries[1]).toMatchObject({ kind: 'referral', incidentId: incident.id, referralId: referral.id, agency: 'police', reference: 'PC-2201', state: 'outcome', outcome: { text: 'No further police action.' } });
  });

  it('never shows SLT a referral from an incident in a category closed to them, in the report or the chronology', async () => {
    // Prepare
    const deps = schoolDeps();
    const { incident } = await recordIncident(deps, author, incidentInput({ categories: [{ categoryId: 'safeguarding' }] }), requestOrigin);
    await recordReferral(deps, lead, incident.id, NewReferral.parse({ agency: 'lado', madeAt: '2025-01-15T09:30:00.000Z' }), requestOrigin);
    await deliver(deps, new Set(), ['IncidentRecorded', 'ReferralChanged']);
    // Act
    const report = await readReportSummary(deps, seniorLeader(true), { ...year, groupBy: 'category' }, requestOrigin);
    const page = await readChronology(deps, seniorLeader(true), pupilsOf.subject.id, { limit: 50 }, requestOrigin);
    // Assess
    expect(report.referrals).toEqual([]);
    expect(page.entries).toEqual([]);
    expect(page.hiddenCount).toBe(2);
  });
});
