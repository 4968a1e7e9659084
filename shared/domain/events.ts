import type { DomainEvent } from './ports';
import type { Alert } from './alerts/alert';
import type { Incident, IncidentAction } from './incidents/incident';

/**
 * Event details carry ids and the two facts an alert email may name (author and
 * categories); never a pupil's name or what was written.
 */
export interface IncidentRecordedDetail {
  readonly incidentId: string;
  readonly authorId: string;
  readonly categoryIds: readonly string[];
  readonly occurredAt: string;
}

export interface ActionAddedDetail {
  readonly incidentId: string;
  readonly actionId: string;
  readonly authorId: string;
}

export interface AlertRaisedDetail {
  readonly alertId: string;
  readonly recipientId: string;
  readonly incidentId: string;
  readonly actionId?: string;
  readonly kind: Alert['kind'];
  readonly authorName: string;
  readonly categoryNames: readonly string[];
}

export const incidentRecorded = (incident: Incident): DomainEvent<IncidentRecordedDetail> => ({
  detailType: 'IncidentRecorded',
  detail: {
    incidentId: incident.id,
    authorId: incident.authorId,
    categoryIds: incident.categories.map((category) => category.categoryId),
    occurredAt: incident.occurredAt,
  },
});

export const actionAdded = (action: IncidentAction): DomainEvent<ActionAddedDetail> => ({
  detailType: 'ActionAdded',
  detail: { incidentId: action.incidentId, actionId: action.id, authorId: action.authorId },
});

export const alertRaised = (alert: Alert): DomainEvent<AlertRaisedDetail> => ({
  detailType: 'AlertRaised',
  detail: {
    alertId: alert.id,
    recipientId: alert.recipientId,
    incidentId: alert.incidentId,
    ...(alert.actionId ? { actionId: alert.actionId } : {}),
    kind: alert.kind,
    authorName: alert.authorName,
    categoryNames: alert.categoryNames,
  },
});
