import type { RecordFacts, Relationship } from '../permissions';
import type { Category } from '../categories/category';
import type { StaffCaller } from '../identity/caller';
import type { Group } from '../identity/groups';
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

/** The groups that may view each category once elevated; a category since removed from the catalogue is visible to DSLs only. */
export function categoryViewersIn(catalogue: readonly Category[]): (categoryId: string) => readonly Group[] {
  const viewers = new Map(catalogue.map((category) => [category.id, category.visibleTo]));
  return (categoryId) => viewers.get(categoryId) ?? ['dsl'];
}

/** What the permission table's record rules need to know of an incident. */
export function incidentFacts(caller: StaffCaller, stored: StoredIncident, catalogue: readonly Category[]): RecordFacts {
  const viewersOf = categoryViewersIn(catalogue);
  return {
    relationships: relationshipsTo(caller, stored),
    categoryViewers: stored.incident.categories.map((choice) => viewersOf(choice.categoryId)),
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
