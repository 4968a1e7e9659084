import * as z from 'zod';
import { GroupName } from './identity';

const name = z.string().trim().min(1, 'must not be empty').max(100);

/** Cognito user names (Lantern signs staff in by email) stop at 128 characters. */
export const MAX_EMAIL_LENGTH = 128;

export const NewStaffMember = z
  .object({
    email: z
      .email('must be an email address, e.g. name@school.example')
      .max(MAX_EMAIL_LENGTH, `is too long: sign-in addresses stop at ${MAX_EMAIL_LENGTH} characters`)
      // The part before @ is at most 64 characters (RFC 5321).
      .refine((email) => email.indexOf('@') <= 64, 'must be an email address: the part before @ is over 64 characters')
      .transform((email) => email.toLowerCase()),
    givenName: name,
    familyName: name,
    jobTitle: z.string().trim().min(1).max(100),
    groups: z.array(GroupName).min(1, 'give at least one group').max(4),
  })
  .strict()
  .meta({ id: 'NewStaffMember' });
export type NewStaffMember = z.infer<typeof NewStaffMember>;

export const StaffChange = z
  .object({
    groups: z.array(GroupName).min(1, 'give at least one group').max(4).optional(),
    status: z.enum(['active', 'disabled']).optional(),
    jobTitle: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine((change) => Object.keys(change).length > 0, 'change at least one of groups, status, jobTitle')
  .meta({ id: 'StaffChange' });
export type StaffChange = z.infer<typeof StaffChange>;

export const StaffPath = z.object({ id: z.string().min(1).max(100) }).meta({ id: 'StaffPath' });

export const StaffAccount = z
  .object({
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
  })
  .meta({ id: 'StaffAccount' });

export const AuthenticatorSetup = z
  .object({
    secret: z.string().meta({ description: 'Base32 TOTP secret, for typing into an authenticator app' }),
    otpauthUri: z.string().meta({ description: 'otpauth:// URI to show as a QR code' }),
  })
  .meta({ id: 'AuthenticatorSetup' });

export const AuthenticatorCode = z
  .object({ code: z.string().trim().regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app') })
  .strict()
  .meta({ id: 'AuthenticatorCode' });

export const AuthenticatorEnrolled = z
  .object({ mfaEnrolled: z.literal(true), message: z.string() })
  .meta({ id: 'AuthenticatorEnrolled' });

const memberIds = z.array(z.string().min(1).max(100)).max(200);

export const NewAlertGroup = z
  .object({ name: name, description: z.string().trim().max(500).default(''), memberIds: memberIds.default([]) })
  .strict()
  .meta({ id: 'NewAlertGroup' });
export type NewAlertGroup = z.infer<typeof NewAlertGroup>;

export const AlertGroupChange = z
  .object({ name: name.optional(), description: z.string().trim().max(500).optional(), memberIds: memberIds.optional() })
  .strict()
  .meta({ id: 'AlertGroupChange' });
export type AlertGroupChange = z.infer<typeof AlertGroupChange>;

export const AlertGroupPath = z.object({ id: z.string().min(1).max(100) }).meta({ id: 'AlertGroupPath' });

export const AlertGroupDetail = z
  .object({ id: z.string(), name: z.string(), description: z.string(), memberIds: z.array(z.string()) })
  .meta({ id: 'AlertGroupDetail' });
