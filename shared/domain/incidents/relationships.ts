import type { RecordFacts, Relationship } from '../permissions';
import type { Category } from '../categories/category';
import type { StaffCaller } from '../identity/caller';
import type { StoredIncident } from '../ports';
import type { IncidentAction } from './incident';

/** How the caller stands to an incident: what the permission table's record rules read. */
export function relationshipsTo(caller: StaffCaller, stored: StoredIncident): Set<Relationship> {
  const { incident } = stored;
  const relationships = new Set<Relationship>();
  if (incident.authorId === caller.staffId) relationships.add('author');
  if (incident.assignedTo.includes(caller.staffId)) relationships.add('assigned');
  if (incident.alertedStaffIds.includes(caller.staffId)) relationships.add('alerted');
  if (stored.taggedStaffIds.has(caller.staffId)) relationships.add('tagged');
  return relationships;
}

/** What the permission table's record rules need to know of an incident. */
export function incidentFacts(caller: StaffCaller, stored: StoredIncident, catalogue: readonly Category[]): RecordFacts {
  return {
    relationships: relationshipsTo(caller, stored),
    // A category since removed from the catalogue is visible to DSLs only.
    categoryViewers: stored.incident.categories.map((choice) => catalogue.find((category) => category.id === choice.categoryId)?.visibleTo ?? ['dsl']),
  };
}

/**
 * Seed 001: "You will only see this action if you are tagged in it." Staff see the
 * actions they wrote or were tagged in; an elevated reader sees every action.
 */
export function visibleActions(caller: StaffCaller, actions: readonly IncidentAction[], seesEverything: boolean): IncidentAction[] {
  if (seesEverything) return [...actions];
  return actions.filter((action) => action.authorId === caller.staffId || action.taggedStaffIds.includes(caller.staffId));
}
