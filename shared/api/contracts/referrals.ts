import type { RouteContract } from '../route-contract';
import { IncidentPath } from '../../schemas/incidents';
import { IncidentReferrals, NewReferral, ReferralChange, ReferralListQuery, ReferralPage, ReferralPath, ReferralView } from '../../schemas/referrals';

/** referrals.create */
export const referralsCreateContract = {
  params: IncidentPath,
  body: NewReferral,
  success: { status: 201, description: 'The referral, with its response due time', schema: ReferralView },
  failures: [403, 404, 422],
} as const satisfies RouteContract;

/** incidentReferrals.list */
export const incidentReferralsListContract = { params: IncidentPath, success: { status: 200, description: "The incident's referrals", schema: IncidentReferrals }, failures: [403, 404] } as const satisfies RouteContract;

/** referrals.update */
export const referralsUpdateContract = {
  params: ReferralPath,
  body: ReferralChange,
  success: { status: 200, description: 'The referral after the change', schema: ReferralView },
  failures: [403, 404, 409],
} as const satisfies RouteContract;

/** referrals.list */
export const referralsListContract = { query: ReferralListQuery, success: { status: 200, description: 'Open referrals, soonest due first', schema: ReferralPage }, failures: [403] } as const satisfies RouteContract;
