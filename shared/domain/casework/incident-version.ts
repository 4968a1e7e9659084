import type { Incident, IncidentCategory, IncidentStatus } from '../incidents/incident';

/**
 * What a DSL may change on a submitted incident (DESIGN section 2: "a DSL may re-categorise,
 * assign or close, and each change is a new version with who, when and why"). The
 * description and the pupil are not here, so no route can change them.
 */
export interface ManagedFields {
  readonly categories: readonly IncidentCategory[];
  readonly status: IncidentStatus;
  readonly outcome?: string;
  readonly assignedTo: readonly string[];
  readonly agencies: readonly string[];
  readonly reviewed: boolean;
}

export type ManagedField = keyof ManagedFields;

export interface FieldChange<F extends ManagedField = ManagedField> {
  readonly field: F;
  readonly before: ManagedFields[F] | null;
  readonly after: ManagedFields[F] | null;
}

/** One change to an incident: version 1 is the submission itself, every later one a change. */
export interface IncidentVersion {
  readonly incidentId: string;
  readonly version: number;
  readonly changedBy: string;
  readonly at: string;
  readonly reason: string;
  readonly changes: readonly FieldChange[];
}

export function managedFieldsOf(incident: Incident): ManagedFields {
  return {
    categories: incident.categories,
    status: incident.status,
    ...(incident.outcome !== undefined ? { outcome: incident.outcome } : {}),
    assignedTo: incident.assignedTo,
    agencies: incident.agencies,
    reviewed: incident.review !== undefined,
  };
}

const fieldOrder: readonly ManagedField[] = ['categories', 'status', 'outcome', 'assignedTo', 'agencies', 'reviewed'];

/** The fields that differ, each with its value before and after (null where there was none). */
export function changesBetween(before: ManagedFields, after: ManagedFields): FieldChange[] {
  return fieldOrder.flatMap((field) => {
    const was = before[field] ?? null;
    const is = after[field] ?? null;
    return JSON.stringify(was) === JSON.stringify(is) ? [] : [{ field, before: was, after: is } as FieldChange];
  });
}
