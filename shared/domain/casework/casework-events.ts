import type { DomainEvent, IdGenerator } from '../ports';
import type { Incident } from '../incidents/incident';
import type { IncidentVersion } from './incident-version';

/**
 * An incident changed (DESIGN section 3: IncidentUpdated). Ids and categories only, never
 * text: the before and after categories and status let an aggregate move a count from one
 * category to another, and the version lets a consumer skip what it has seen.
 */
export interface IncidentUpdatedDetail {
  readonly incidentId: string;
  readonly version: number;
  readonly changedBy: string;
  readonly at: string;
  readonly changedFields: readonly string[];
  readonly occurredAt: string;
  readonly before: { readonly categoryIds: readonly string[]; readonly subCategoryIds: readonly string[]; readonly status: Incident['status'] };
  readonly after: { readonly categoryIds: readonly string[]; readonly subCategoryIds: readonly string[]; readonly status: Incident['status'] };
}

const categoryFacts = (incident: Incident) => ({
  categoryIds: incident.categories.map((choice) => choice.categoryId),
  subCategoryIds: incident.categories.flatMap((choice) => choice.subCategoryIds.map((subCategoryId) => `${choice.categoryId}/${subCategoryId}`)),
  status: incident.status,
});

export const incidentUpdated = (ids: IdGenerator, before: Incident, after: Incident, version: IncidentVersion): DomainEvent<IncidentUpdatedDetail> => ({
  id: ids.next(),
  detailType: 'IncidentUpdated',
  detail: {
    incidentId: after.id,
    version: version.version,
    changedBy: version.changedBy,
    at: version.at,
    changedFields: version.changes.map((change) => change.field),
    occurredAt: after.occurredAt,
    before: categoryFacts(before),
    after: categoryFacts(after),
  },
});

/** Ids only: the consumer reads the referral and decides whether it is still overdue. */
export interface ReferralResponseDueDetail {
  readonly referralId: string;
  readonly incidentId: string;
}

/**
 * A referral was recorded, acknowledged or answered: ids only. The casework projector reads
 * the incident's referrals as they now are, for the pupils' chronologies and the report.
 */
export const referralChanged = (ids: IdGenerator, referral: ReferralResponseDueDetail): DomainEvent<ReferralResponseDueDetail> => ({
  id: ids.next(),
  detailType: 'ReferralChanged',
  detail: { referralId: referral.referralId, incidentId: referral.incidentId },
});

/** Asks for the referral's response check at `at`; its consumer creates the one-off schedule, once per referral. */
export interface ReferralCheckRequestedDetail extends ReferralResponseDueDetail {
  readonly at: string;
}

export const referralCheckRequested = (ids: IdGenerator, check: ReferralCheckRequestedDetail): DomainEvent<ReferralCheckRequestedDetail> => ({
  id: ids.next(),
  detailType: 'ReferralCheckRequested',
  detail: { ...check },
});
