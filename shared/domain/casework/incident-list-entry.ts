import type { Incident } from '../incidents/incident';
import type { IncidentListEntry } from '../ports';

/** What the incident lists keep of an incident: ids, times and the facts they filter by. */
export function listEntryOf(incident: Incident): IncidentListEntry {
  return {
    incidentId: incident.id,
    studentId: incident.studentId,
    occurredAt: incident.occurredAt,
    recordedAt: incident.recordedAt,
    authorId: incident.authorId,
    categoryIds: incident.categories.map((choice) => choice.categoryId),
    status: incident.status,
    assignedTo: [...incident.assignedTo],
    reviewed: incident.review !== undefined,
    version: incident.version,
  };
}
