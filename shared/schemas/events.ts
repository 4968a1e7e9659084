import * as z from 'zod';

/** Consumers validate what arrives from the bus as strictly as the API validates requests. */
export const AlertRaisedDetail = z.object({
  eventId: z.string().optional(),
  alertId: z.string().min(1),
  recipientId: z.string().min(1),
  incidentId: z.string().min(1),
  actionId: z.string().optional(),
  kind: z.enum(['incident', 'action', 'referral_overdue']),
  authorName: z.string(),
  categoryNames: z.array(z.string()),
});

export const ReminderDueDetail = z.object({
  eventId: z.string().optional(),
  reminderId: z.string().min(1),
  incidentId: z.string().min(1),
  ownerId: z.string().min(1),
});

export const ReminderRequestedDetail = z.object({
  eventId: z.string().optional(),
  reminderId: z.string().min(1),
  incidentId: z.string().min(1),
  ownerId: z.string().min(1),
  at: z.iso.datetime(),
});

/**
 * Any event about an incident (IncidentRecorded, IncidentUpdated, ActionAdded, ReferralChanged): the casework
 * projector needs only its id, and reads the incident as it now is. Other fields pass through.
 */
export const IncidentEventDetail = z.looseObject({ incidentId: z.string().min(1) });
/** The part of GuardDuty Malware Protection for S3's result event Lantern reads. */
export const MalwareScanResultDetail = z.object({
  s3ObjectDetails: z.object({ bucketName: z.string().min(1), objectKey: z.string().min(1) }),
  scanResultDetails: z.object({ scanResultStatus: z.enum(['NO_THREATS_FOUND', 'THREATS_FOUND', 'UNSUPPORTED', 'ACCESS_DENIED', 'FAILED']) }),
});
/** IncidentRecorded and IncidentUpdated, as the incident-lists consumer reads them: the id is all it needs. */
export const IncidentChangedDetail = z.object({ incidentId: z.string().min(1) });

export const ReferralResponseDueDetail = z.object({ referralId: z.string().min(1), incidentId: z.string().min(1) });

export const ReferralCheckRequestedDetail = z.object({ referralId: z.string().min(1), incidentId: z.string().min(1), at: z.iso.datetime() });
