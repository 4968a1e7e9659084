import { eventConsumer } from '../../shared/events/event-consumer';
import { ReferralResponseDueDetail } from '../../shared/schemas/events';
import { alertOverdueReferral } from '../../shared/domain/referrals/alert-overdue-referral';
import { dynamoPorts, auditTrail, staffDirectory, referralStore } from '../../shared/deps/dynamo-ports';

export const handler = eventConsumer('referral-overdue', { detail: ReferralResponseDueDetail, adapters: { dynamodb: dynamoPorts({ audit: auditTrail, staff: staffDirectory, referrals: referralStore }) } }).handle((detail, deps) =>
  alertOverdueReferral(deps, detail),
);
