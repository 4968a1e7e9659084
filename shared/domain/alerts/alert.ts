/** One recipient's notice of an incident or an action on it. */
export interface Alert {
  readonly id: string;
  readonly recipientId: string;
  readonly incidentId: string;
  readonly actionId?: string;
  /** `referral_overdue`: an agency has not answered a referral by its due time (to the DSLs). */
  readonly kind: 'incident' | 'action' | 'referral_overdue';
  readonly authorId: string;
  /** Only these two facts travel into email (seed 003 section 5). */
  readonly authorName: string;
  readonly categoryNames: readonly string[];
  readonly studentId: string;
  readonly createdAt: string;
  readonly readAt?: string;
  readonly acknowledgedAt?: string;
}

export interface AlertGroup {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly memberIds: readonly string[];
}
