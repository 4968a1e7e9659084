import type { DomainEvent, IdGenerator } from './ports';
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

/** Asks for a planner reminder; its consumer creates the one-off schedule, once per reminder id. */
export interface ReminderRequestedDetail {
  readonly reminderId: string;
  readonly incidentId: string;
  readonly ownerId: string;
  readonly at: string;
}

export const incidentRecorded = (ids: IdGenerator, incident: Incident): DomainEvent<IncidentRecordedDetail> => ({
  id: ids.next(),
  detailType: 'IncidentRecorded',
  detail: {
    incidentId: incident.id,
    authorId: incident.authorId,
    categoryIds: incident.categories.map((category) => category.categoryId),
    occurredAt: incident.occurredAt,
  },
});

export const actionAdded = (ids: IdGenerator, action: IncidentAction): DomainEvent<ActionAddedDetail> => ({
  id: ids.next(),
  detailType: 'ActionAdded',
  detail: { incidentId: action.incidentId, actionId: action.id, authorId: action.authorId },
});

export const alertRaised = (ids: IdGenerator, alert: Alert): DomainEvent<AlertRaisedDetail> => ({
  id: ids.next(),
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

/** Ids and the time only: the owner's note stays on the incident. */
export const reminderRequested = (ids: IdGenerator, incident: Incident): DomainEvent<ReminderRequestedDetail> | undefined =>
  incident.reminder
    ? {
        id: ids.next(),
        detailType: 'ReminderRequested',
        detail: { reminderId: reminderIdOf(incident.id), incidentId: incident.id, ownerId: incident.authorId, at: incident.reminder.at },
      }
    : undefined;

/** One reminder per incident, so its id (and its schedule's name) follows from the incident's. */
const reminderIdOf = (incidentId: string) => `${incidentId}-reminder`;

