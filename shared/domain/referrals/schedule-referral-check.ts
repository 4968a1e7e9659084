import type { Deps } from '../deps';
import type { ReferralCheckRequestedDetail } from '../casework/casework-events';

/** Scheduler needs a moment in the future: a response already overdue is checked ten seconds from now. */
const SOONEST_CHECK_MS = 10_000;

/**
 * Creates the one-off schedule that puts ReferralResponseDue on the bus at the due time.
 * Idempotent on the referral id (the schedule's name), so a redelivered request schedules once.
 */
export function scheduleReferralCheck(deps: Pick<Deps, 'referralChecks' | 'clock'>, detail: ReferralCheckRequestedDetail): Promise<'scheduled' | 'already-scheduled'> {
  const soonest = deps.clock.now().getTime() + SOONEST_CHECK_MS;
  const due = new Date(detail.at).getTime();
  return deps.referralChecks.scheduleDueCheck({ referralId: detail.referralId, incidentId: detail.incidentId, at: new Date(Math.max(due, soonest)) });
}
