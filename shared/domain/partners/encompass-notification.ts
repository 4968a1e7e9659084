/**
 * Operation Encompass (issue 16): the police tell a child's school before the next school day
 * that the child was involved in, or present at, a domestic abuse incident. A force's system
 * sends it to `POST /v1/partners/encompass-notifications` with an OAuth client-credentials
 * token carrying `lantern/encompass.write`.
 */
export interface EncompassChild {
  readonly givenName: string;
  readonly familyName: string;
  /** YYYY-MM-DD. */
  readonly dateOfBirth: string;
  readonly upn?: string;
  readonly nhsNumber?: string;
}

/** What the police send. */
export interface EncompassNotificationInput {
  readonly policeReference: string;
  readonly child: EncompassChild;
  /** When the domestic abuse incident happened (ISO 8601 with offset). */
  readonly occurredAt: string;
  readonly location: string;
  readonly childPresent: boolean;
  /** What the child said or saw, in the officer's words. */
  readonly childVoice: string;
  readonly circumstances: string;
}

/** How the child was found on the roll: by identifier, by name and date of birth, or by a DSL. */
export type EncompassMatch = 'upn' | 'nhs_number' | 'name_and_date_of_birth' | 'by_hand';

export interface EncompassNotification extends EncompassNotificationInput {
  readonly id: string;
  /** The partner's app client that sent it. */
  readonly clientId: string;
  readonly receivedAt: string;
  /** The school day the DSL acts on it: the day itself before school starts, else the next weekday. */
  readonly forSchoolDay: string;
  readonly status: 'matched' | 'unmatched';
  /** Why it could not be matched: no pupil, or more than one. */
  readonly unmatchedReason?: 'no_match' | 'ambiguous';
  readonly match?: EncompassMatch;
  readonly studentId?: string;
  readonly incidentId?: string;
  readonly matchedAt?: string;
  /** The DSL who matched it by hand. */
  readonly matchedBy?: string;
}

/** A police reference compared as the police mean it: case and spacing do not make a new one. */
export function normalisedReference(reference: string): string {
  return reference.trim().toUpperCase().replace(/\s+/g, '');
}
