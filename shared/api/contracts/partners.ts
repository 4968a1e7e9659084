import type { RouteContract } from '../route-contract';
import { EncompassMatched, EncompassMatchInput, EncompassNotificationInput, EncompassNotificationList, EncompassPath, EncompassReceipt } from '../../schemas/partners';

/** partners.encompass.create */
export const partnersEncompassCreateContract = {
  body: EncompassNotificationInput,
  success: { status: 201, description: 'Received (200 with the first receipt when this police reference was sent before)', schema: EncompassReceipt },
  failures: [403],
} as const satisfies RouteContract;

/** encompass.list */
export const encompassListContract = { success: { status: 200, description: 'Unmatched notifications first, then the most recent matched', schema: EncompassNotificationList }, failures: [403] } as const satisfies RouteContract;

/** encompass.match */
export const encompassMatchContract = {
  params: EncompassPath,
  body: EncompassMatchInput,
  success: { status: 200, description: 'Matched: the incident is recorded, flagged and alerted', schema: EncompassMatched },
  failures: [403, 404, 409, 422],
} as const satisfies RouteContract;
