import type { Deps } from '../deps';
import { ConflictError } from '../../errors/lantern-error';
import { countedFactsOf, sameCounts } from './report-facts';

const RECOUNT_ATTEMPTS = 5;

/**
 * The casework projector, run for every event about an incident (recorded, updated, an action
 * added, a referral recorded or answered): it brings the pupils' timeline entries and the
 * report counters in line with the incident and its referrals as they now are. It works from
 * state, not from the event, so a redelivered, late or out-of-order event changes nothing
 * (the same event id twice, or two events for one change, count once), and a re-categorised
 * or closed incident moves its counts from what was counted before to what it is now.
 */
export async function projectIncident(deps: Pick<Deps, 'incidents' | 'students' | 'pupilFiles' | 'reports' | 'referrals' | 'school'>, incidentId: string): Promise<'projected' | 'unchanged' | 'missing'> {
  for (let attempt = 1; ; attempt += 1) {
    // What was counted is read BEFORE the incident and its referrals, and the recount is
    // conditioned on it: a run that read older state than another's can only write if no run
    // has counted since its read, so the newer state is never overwritten (then it retries).
    const counted = await deps.reports.counted(incidentId);
    const [stored, referrals] = await Promise.all([deps.incidents.get(incidentId), deps.referrals.listForIncident(incidentId)]);
    if (!stored) return 'missing';
    // The pupil's year group when the incident was first counted stays with it.
    const yearGroup = counted?.yearGroup ?? (await deps.students.get(stored.incident.studentId))?.yearGroup ?? 'unknown';
    const facts = countedFactsOf(stored.incident, { timeZone: deps.school.timezone, yearGroup, referrals });
    const unchanged = counted !== undefined && (counted.version > facts.version || sameCounts(counted, facts));
    try {
      if (!unchanged) await deps.reports.recount(counted, facts);
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= RECOUNT_ATTEMPTS) throw error;
      continue;
    }
    await deps.pupilFiles.refreshTimeline(stored, referrals);
    return unchanged ? 'unchanged' : 'projected';
  }
}
