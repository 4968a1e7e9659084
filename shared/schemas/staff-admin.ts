import * as z from 'zod/mini';
import { GroupName } from './identity';

const name = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(100));

/** Cognito user names (Lantern signs staff in by email) stop at 128 characters. */
export const MAX_EMAIL_LENGTH = 128;

export const NewStaffMember = z.strictObject({
    // An email of at most 128 characters whose part before @ is at most 64 (RFC 5321), lower-cased.
    email: z.pipe(z.email('must be an email address, e.g. name@school.example').check(z.maxLength(MAX_EMAIL_LENGTH, `is too long: sign-in addresses stop at ${MAX_EMAIL_LENGTH} characters`), z.refine((email) => email.indexOf('@') <= 64, 'must be an email address: the part before @ is over 64 characters')), z.transform((email) => email.toLowerCase())),
    givenName: name,
    familyName: name,
    jobTitle: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    groups: z.array(GroupName).check(z.minLength(1, 'give at least one group'), z.maxLength(4)),
  }).check(z.meta({ id: 'NewStaffMember' }));
export type NewStaffMember = z.infer<typeof NewStaffMember>;

export const StaffChange = z.strictObject({
    groups: z.optional(z.array(GroupName).check(z.minLength(1, 'give at least one group'), z.maxLength(4))),
    status: z.optional(z.enum(['active', 'disabled'])),
    jobTitle: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  }).check(z.refine((change) => Object.keys(change).length > 0, 'change at least one of groups, status, jobTitle'), z.meta({ id: 'StaffChange' }));
export type StaffChange = z.infer<typeof StaffChange>;

export const StaffPath = z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }).check(z.meta({ id: 'StaffPath' }));

export const StaffAccount = z.object({
    id: z.string(),
    email: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    name: z.string(),
    jobTitle: z.string(),
    groups: z.array(GroupName),
    status: z.enum(['active', 'disabled']),
    mfaEnrolled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }).check(z.meta({ id: 'StaffAccount' }));

export const AuthenticatorSetup = z.object({
    secret: z.string().check(z.meta({ description: 'Base32 TOTP secret, for typing into an authenticator app' })),
    otpauthUri: z.string().check(z.meta({ description: 'otpauth:// URI to show as a QR code' })),
  }).check(z.meta({ id: 'AuthenticatorSetup' }));

export const AuthenticatorCode = z.strictObject({ code: z.string().check(z.trim(), z.regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app')) }).check(z.meta({ id: 'AuthenticatorCode' }));

export const AuthenticatorEnrolled = z.object({ mfaEnrolled: z.literal(true), message: z.string() }).check(z.meta({ id: 'AuthenticatorEnrolled' }));

const memberIds = z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(200));

export const NewAlertGroup = z.strictObject({ name: name, description: z._default(z.string().check(z.trim(), z.maxLength(500)), ''), memberIds: z._default(memberIds, []) }).check(z.meta({ id: 'NewAlertGroup' }));
export type NewAlertGroup = z.infer<typeof NewAlertGroup>;

export const AlertGroupChange = z.strictObject({ name: z.optional(name), description: z.optional(z.string().check(z.trim(), z.maxLength(500))), memberIds: z.optional(memberIds) }).check(z.meta({ id: 'AlertGroupChange' }));
export type AlertGroupChange = z.infer<typeof AlertGroupChange>;

export const AlertGroupPath = z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }).check(z.meta({ id: 'AlertGroupPath' }));

export const AlertGroupDetail = z.object({ id: z.string(), name: z.string(), description: z.string(), memberIds: z.array(z.string()) }).check(z.meta({ id: 'AlertGroupDetail' }));
