import * as z from 'zod';
import { isNhsNumber } from '../domain/students/safeguarding-flags';

/** Operation Encompass notifications from the police, and the DSL's view of them (issue 16). */
const text = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be ${max.toLocaleString('en-GB')} characters at most`);
const date = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });

export const EncompassChild = z
  .object({
    givenName: text(100),
    familyName: text(100),
    dateOfBirth: date,
    upn: z
      .string()
      .trim()
      .regex(/^[A-Za-z]\d{11}[0-9A-Za-z]$/, 'must be a 13-character UPN: a letter, 11 digits, then a digit or letter')
      .optional(),
    nhsNumber: z
      .string()
      .transform((value) => value.replace(/\s+/g, ''))
      .refine(isNhsNumber, 'must be a valid NHS number (10 digits with a correct check digit)')
      .optional(),
  })
  .strict()
  .meta({ id: 'EncompassChild' });

export const EncompassNotificationInput = z
  .object({
    policeReference: z.string().trim().min(1, 'is required').max(64).regex(/^[A-Za-z0-9/ -]+$/, 'use letters, digits, spaces, / and -'),
    child: EncompassChild,
    occurredAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset, e.g. 2026-11-30T21:40:00Z' }),
    location: text(500),
    childPresent: z.boolean(),
    childVoice: text(4_000).meta({ description: 'What the child said or saw' }),
    circumstances: text(8_000),
  })
  .strict()
  .meta({ id: 'EncompassNotificationInput' });

export const EncompassReceipt = z
  .object({ notificationId: z.string(), policeReference: z.string(), receivedAt: z.string() })
  .meta({ id: 'EncompassReceipt', description: 'That the school has it; never whom it matched' });

const EncompassNotificationView = z
  .object({
    id: z.string(),
    policeReference: z.string(),
    child: z.object({ givenName: z.string(), familyName: z.string(), dateOfBirth: z.string(), upn: z.string().optional(), nhsNumber: z.string().optional() }),
    occurredAt: z.string(),
    location: z.string(),
    childPresent: z.boolean(),
    childVoice: z.string(),
    circumstances: z.string(),
    receivedAt: z.string(),
    forSchoolDay: z.string(),
    status: z.enum(['matched', 'unmatched']),
    unmatchedReason: z.enum(['no_match', 'ambiguous']).optional(),
    match: z.enum(['upn', 'nhs_number', 'name_and_date_of_birth', 'by_hand']).optional(),
    studentId: z.string().optional(),
    incidentId: z.string().optional(),
    matchedAt: z.string().optional(),
    matchedBy: z.string().optional(),
  })
  .meta({ id: 'EncompassNotification' });

export const EncompassNotificationList = z.object({ notifications: z.array(EncompassNotificationView) }).meta({ id: 'EncompassNotificationList' });
export const EncompassMatched = z.object({ notification: EncompassNotificationView }).meta({ id: 'EncompassMatched' });
export const EncompassPath = z.object({ id: z.string().min(1).max(100) }).meta({ id: 'EncompassPath' });
export const EncompassMatchInput = z.object({ studentId: z.string().min(1).max(100) }).strict().meta({ id: 'EncompassMatchInput' });
