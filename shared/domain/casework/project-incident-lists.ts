import type { Deps } from '../deps';
import { listEntryOf } from './incident-list-entry';

/**
 * Keeps the incident lists' keys up to date off the incident's events (IncidentRecorded,
 * IncidentUpdated): the recording transaction is full (99 of DynamoDB's 100 items), so list
 * entries follow it here, from the incident as it is now. Redelivered or out-of-order events
 * are harmless: an older event finds a newer version and leaves it to that version's event.
 */
export async function projectIncidentLists(deps: Pick<Deps, 'incidents' | 'casework'>, detail: { readonly incidentId: string }): Promise<string> {
  const stored = await deps.incidents.get(detail.incidentId);
  if (!stored) return 'no such incident';
  return deps.casework.project(listEntryOf(stored.incident));
}
