import { eventConsumer } from '../../shared/events/event-consumer';
import { ReferralCheckRequestedDetail } from '../../shared/schemas/events';
import { scheduleReferralCheck } from '../../shared/domain/referrals/schedule-referral-check';
import { reminderPorts } from '../../shared/deps/reminders';

export const handler = eventConsumer('referral-check-scheduler', { detail: ReferralCheckRequestedDetail, adapters: { scheduler: reminderPorts } }).handle((detail, deps) =>
  scheduleReferralCheck(deps, detail),
);
