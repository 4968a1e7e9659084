import { eventConsumer } from '../../shared/events/event-consumer';
import { ReferralResponseDueDetail } from '../../shared/schemas/events';
import { alertOverdueReferral } from '../../shared/domain/referrals/alert-overdue-referral';
import { dynamoPorts } from '../../shared/deps/dynamo-ports';

export const handler = eventConsumer('referral-overdue', { detail: ReferralResponseDueDetail, adapters: { dynamodb: dynamoPorts } }).handle((detail, deps) =>
  alertOverdueReferral(deps, detail),
);
