import type { Deps } from '../deps';
import { ConflictError } from '../../errors/lantern-error';
import { countedFactsOf, sameCounts } from './report-facts';

const RECOUNT_ATTEMPTS = 5;

/**
 * The casework projector, run for every event about an incident (recorded, updated, an action
 * added): it brings the pupils' timeline entries and the report counters in line with the
 * incident as it now is. It works from state, not from the event, so a redelivered, late or
 * out-of-order event changes nothing (idempotent whatever the event id), and a re-categorised
 * or closed incident moves its counts from what was counted before to what it is now.
 */
export async function projectIncident(deps: Pick<Deps, 'incidents' | 'students' | 'pupilFiles' | 'reports' | 'school'>, incidentId: string): Promise<'projected' | 'unchanged' | 'missing'> {
  const stored = await deps.incidents.get(incidentId);
  if (!stored) return 'missing';
  await deps.pupilFiles.refreshTimeline(stored);
  for (let attempt = 1; ; attempt += 1) {
    const counted = await deps.reports.counted(incidentId);
    // The pupil's year group when the incident was first counted stays with it.
    const yearGroup = counted?.yearGroup ?? (await deps.students.get(stored.incident.studentId))?.yearGroup ?? 'unknown';
    const facts = countedFactsOf(stored.incident, { timeZone: deps.school.timezone, yearGroup });
    if (counted && (counted.version > facts.version || sameCounts(counted, facts))) return 'unchanged';
    try {
      await deps.reports.recount(counted, facts);
      return 'projected';
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= RECOUNT_ATTEMPTS) throw error;
    }
  }
}
