import * as z from 'zod/mini';
import { groups } from '../domain/identity/groups';

export const GroupName = z.enum(groups).check(z.meta({ id: 'Group' }));

export const SignInConfiguration = z.object({
    region: z.string(),
    userPoolId: z.string(),
    clientId: z.string(),
    cognitoEndpoint: z.optional(z.string()).check(z.meta({ description: 'Only where Cognito is not AWS (the local twin)' })),
    school: z.object({ id: z.string(), name: z.string(), timezone: z.string() }),
  }).check(z.meta({ id: 'SignInConfiguration' }));

export const Me = z.object({
    id: z.string(),
    email: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    displayName: z.string(),
    jobTitle: z.string(),
    groups: z.array(GroupName),
    mfaEnrolled: z.boolean(),
    elevated: z.boolean(),
    elevatedUntil: z.optional(z.iso.datetime()),
  }).check(z.meta({ id: 'Me' }));
