import * as z from 'zod/mini';
import { isNhsNumber } from '../domain/students/safeguarding-flags';

/** Operation Encompass notifications from the police, and the DSL's view of them (issue 16). */
const text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'is required'), z.maxLength(max, `must be ${max.toLocaleString('en-GB')} characters at most`));
const date = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });

export const EncompassChild = z.strictObject({
    givenName: text(100),
    familyName: text(100),
    dateOfBirth: date,
    upn: z.optional(z
      .string().check(z.trim(), z.regex(/^[A-Za-z]\d{11}[0-9A-Za-z]$/, 'must be a 13-character UPN: a letter, 11 digits, then a digit or letter'))),
    nhsNumber: z.optional(z.pipe(z
      .string(), z.transform((value) => value.replace(/\s+/g, ''))).check(z.refine(isNhsNumber, 'must be a valid NHS number (10 digits with a correct check digit)'))),
  }).check(z.meta({ id: 'EncompassChild' }));

export const EncompassNotificationInput = z.strictObject({
    policeReference: z.string().check(z.trim(), z.minLength(1, 'is required'), z.maxLength(64), z.regex(/^[A-Za-z0-9/ -]+$/, 'use letters, digits, spaces, / and -')),
    child: EncompassChild,
    occurredAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset, e.g. 2026-11-30T21:40:00Z' }),
    location: text(500),
    childPresent: z.boolean(),
    childVoice: text(4_000).check(z.meta({ description: 'What the child said or saw' })),
    circumstances: text(8_000),
  }).check(z.meta({ id: 'EncompassNotificationInput' }));

export const EncompassReceipt = z
  .object({ notificationId: z.string(), policeReference: z.string(), receivedAt: z.string() }).check(z.meta({ id: 'EncompassReceipt', description: 'That the school has it; never whom it matched' }));

const EncompassNotificationView = z
  .object({
    id: z.string(),
    policeReference: z.string(),
    child: z.object({ givenName: z.string(), familyName: z.string(), dateOfBirth: z.string(), upn: z.optional(z.string()), nhsNumber: z.optional(z.string()) }),
    occurredAt: z.string(),
    location: z.string(),
    childPresent: z.boolean(),
    childVoice: z.string(),
    circumstances: z.string(),
    receivedAt: z.string(),
    forSchoolDay: z.string(),
    status: z.enum(['matched', 'unmatched']),
    unmatchedReason: z.optional(z.enum(['no_match', 'ambiguous'])),
    match: z.optional(z.enum(['upn', 'nhs_number', 'name_and_date_of_birth', 'by_hand'])),
    studentId: z.optional(z.string()),
    incidentId: z.optional(z.string()),
    matchedAt: z.optional(z.string()),
    matchedBy: z.optional(z.string()),
  }).check(z.meta({ id: 'EncompassNotification' }));

export const EncompassNotificationList = z.object({ notifications: z.array(EncompassNotificationView) }).check(z.meta({ id: 'EncompassNotificationList' }));
export const EncompassMatched = z.object({ notification: EncompassNotificationView }).check(z.meta({ id: 'EncompassMatched' }));
export const EncompassPath = z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }).check(z.meta({ id: 'EncompassPath' }));
export const EncompassMatchInput = z.strictObject({ studentId: z.string().check(z.minLength(1), z.maxLength(100)) }).check(z.meta({ id: 'EncompassMatchInput' }));
