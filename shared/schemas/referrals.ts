import * as z from 'zod/mini';
import { referralAgencies } from '../domain/referrals/referral';
import { id, isoInstant, StaffRef } from './incidents';
import { pageFields } from './page';

export const NewReferral = z.strictObject({
    agency: z.enum(referralAgencies),
    agencyName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))).check(z.meta({ description: 'Which agency, when agency is "other"' })),
    madeAt: isoInstant.check(z.meta({ description: 'When the referral was made; not in the future' })),
    madeBy: z.optional(id).check(z.meta({ description: 'Who made it (staff id); the caller when absent' })),
    reference: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  }).check(z.refine((referral) => referral.agency !== 'other' || referral.agencyName !== undefined, { path: ['agencyName'], message: 'name the agency' }), z.meta({ id: 'NewReferral' }));
export type NewReferral = z.infer<typeof NewReferral>;

export const ReferralChange = z.strictObject({
    state: z.enum(['acknowledged', 'outcome']),
    outcome: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(5_000))),
    reference: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  }).check(z.refine((change) => change.state !== 'outcome' || change.outcome !== undefined, { path: ['outcome'], message: 'say what the agency decided' }), z.refine((change) => change.state === 'outcome' || change.outcome === undefined, { path: ['outcome'], message: 'an outcome is given with state "outcome"' }), z.meta({ id: 'ReferralChange' }));
export type ReferralChange = z.infer<typeof ReferralChange>;

export const ReferralPath = z.object({ id, referralId: id }).check(z.meta({ id: 'ReferralPath' }));

export const ReferralListQuery = z.strictObject({
    status: z._default(z.enum(['open', 'overdue']), 'open'),
    ...pageFields,
  }).check(z.meta({ id: 'ReferralListQuery' }));

export const ReferralView = z.object({
    id: z.string(),
    incidentId: z.string(),
    student: z.object({ id: z.string(), name: z.string() }),
    agency: z.enum(referralAgencies),
    agencyName: z.string(),
    madeAt: z.string(),
    madeBy: StaffRef,
    reference: z.optional(z.string()),
    responseDueAt: z.string(),
    state: z.enum(['made', 'acknowledged', 'outcome']),
    overdue: z.boolean(),
    acknowledgedAt: z.optional(z.string()),
    outcome: z.optional(z.object({ at: z.string(), text: z.string(), recordedBy: StaffRef })),
    recordedAt: z.string(),
  }).check(z.meta({ id: 'Referral' }));

export const ReferralPage = z.object({ referrals: z.array(ReferralView), nextCursor: z.optional(z.string()) }).check(z.meta({ id: 'ReferralPage' }));

export const IncidentReferrals = z.object({ referrals: z.array(ReferralView) }).check(z.meta({ id: 'IncidentReferrals' }));
