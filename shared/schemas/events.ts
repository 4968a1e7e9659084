import * as z from 'zod/mini';

/** Consumers validate what arrives from the bus as strictly as the API validates requests. */
export const AlertRaisedDetail = z.object({
  eventId: z.optional(z.string()),
  alertId: z.string().check(z.minLength(1)),
  recipientId: z.string().check(z.minLength(1)),
  incidentId: z.string().check(z.minLength(1)),
  actionId: z.optional(z.string()),
  kind: z.enum(['incident', 'action', 'referral_overdue']),
  authorName: z.string(),
  categoryNames: z.array(z.string()),
});

export const ReminderDueDetail = z.object({
  eventId: z.optional(z.string()),
  reminderId: z.string().check(z.minLength(1)),
  incidentId: z.string().check(z.minLength(1)),
  ownerId: z.string().check(z.minLength(1)),
});

export const ReminderRequestedDetail = z.object({
  eventId: z.optional(z.string()),
  reminderId: z.string().check(z.minLength(1)),
  incidentId: z.string().check(z.minLength(1)),
  ownerId: z.string().check(z.minLength(1)),
  at: z.iso.datetime(),
});

/**
 * Any event about an incident (IncidentRecorded, IncidentUpdated, ActionAdded, ReferralChanged), as the
 * casework projector and the incident-lists consumer read it: the id is all they need, since each reads
 * the incident as it now is.
 */
export const IncidentEventDetail = z.object({ incidentId: z.string().check(z.minLength(1)) });
/** The part of GuardDuty Malware Protection for S3's result event Lantern reads. */
export const MalwareScanResultDetail = z.object({
  s3ObjectDetails: z.object({ bucketName: z.string().check(z.minLength(1)), objectKey: z.string().check(z.minLength(1)) }),
  scanResultDetails: z.object({ scanResultStatus: z.enum(['NO_THREATS_FOUND', 'THREATS_FOUND', 'UNSUPPORTED', 'ACCESS_DENIED', 'FAILED']) }),
});

export const ReferralResponseDueDetail = z.object({ referralId: z.string().check(z.minLength(1)), incidentId: z.string().check(z.minLength(1)) });

export const ReferralCheckRequestedDetail = z.object({ referralId: z.string().check(z.minLength(1)), incidentId: z.string().check(z.minLength(1)), at: z.iso.datetime() });

/** Asks for a pupil import's job: the id is all it needs (the file and options are on the import). */
export const PupilImportRequestedDetail = z.object({ importId: z.string().check(z.minLength(1)) });
