import * as z from 'zod';
import { referralAgencies } from '../domain/referrals/referral';
import { id, isoInstant, StaffRef } from './incidents';
import { pageFields } from './page';

export const NewReferral = z
  .object({
    agency: z.enum(referralAgencies),
    agencyName: z.string().trim().min(1).max(200).optional().meta({ description: 'Which agency, when agency is "other"' }),
    madeAt: isoInstant.meta({ description: 'When the referral was made; not in the future' }),
    madeBy: id.optional().meta({ description: 'Who made it (staff id); the caller when absent' }),
    reference: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((referral) => referral.agency !== 'other' || referral.agencyName !== undefined, { path: ['agencyName'], message: 'name the agency' })
  .meta({ id: 'NewReferral' });
export type NewReferral = z.infer<typeof NewReferral>;

export const ReferralChange = z
  .object({
    state: z.enum(['acknowledged', 'outcome']),
    outcome: z.string().trim().min(1).max(5_000).optional(),
    reference: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((change) => change.state !== 'outcome' || change.outcome !== undefined, { path: ['outcome'], message: 'say what the agency decided' })
  .refine((change) => change.state === 'outcome' || change.outcome === undefined, { path: ['outcome'], message: 'an outcome is given with state "outcome"' })
  .meta({ id: 'ReferralChange' });
export type ReferralChange = z.infer<typeof ReferralChange>;

export const ReferralPath = z.object({ id, referralId: id }).meta({ id: 'ReferralPath' });

export const ReferralListQuery = z
  .object({
    status: z.enum(['open', 'overdue']).default('open'),
    ...pageFields,
  })
  .strict()
  .meta({ id: 'ReferralListQuery' });

export const ReferralView = z
  .object({
    id: z.string(),
    incidentId: z.string(),
    student: z.object({ id: z.string(), name: z.string() }),
    agency: z.enum(referralAgencies),
    agencyName: z.string(),
    madeAt: z.string(),
    madeBy: StaffRef,
    reference: z.string().optional(),
    responseDueAt: z.string(),
    state: z.enum(['made', 'acknowledged', 'outcome']),
    overdue: z.boolean(),
    acknowledgedAt: z.string().optional(),
    outcome: z.object({ at: z.string(), text: z.string(), recordedBy: StaffRef }).optional(),
    recordedAt: z.string(),
  })
  .meta({ id: 'Referral' });

export const ReferralPage = z
  .object({ referrals: z.array(ReferralView), nextCursor: z.string().optional() })
  .meta({ id: 'ReferralPage' });

export const IncidentReferrals = z.object({ referrals: z.array(ReferralView) }).meta({ id: 'IncidentReferrals' });
