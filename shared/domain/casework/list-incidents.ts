import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import type { Category } from '../categories/category';
import type { IncidentListEntry, IncidentListFilter, PageRequest } from '../ports';
import { staffRef } from '../staff/staff-profile';
import { pupilRef } from '../students/student';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';
import { categoryVisibility } from './category-visibility';
import { listEntryOf } from './incident-list-entry';

type ListDeps = Pick<Deps, 'casework' | 'categories' | 'students' | 'staff' | 'audit' | 'clock' | 'ids'>;

/**
 * Incidents newest first, by the filters a DSL works with. SLT see only incidents whose every
 * category is open to them; the rest of the page is counted, not shown. The read is audited
 * under every pupil it shows.
 */
export async function listIncidents(deps: ListDeps, caller: StaffCaller, filter: IncidentListFilter, page: PageRequest, origin: RequestOrigin) {
  const [result, catalogue] = await Promise.all([deps.casework.list(filter, page), deps.categories.list()]);
  return summarise(deps, caller, result.entries, catalogue, result.nextCursor, origin, 'incident.list');
}

/** The DSL's triage list: incidents no DSL has reviewed yet, oldest recorded first. */
export async function listTriage(deps: ListDeps, caller: StaffCaller, page: PageRequest, origin: RequestOrigin) {
  const [result, catalogue] = await Promise.all([deps.casework.triage(page), deps.categories.list()]);
  return summarise(deps, caller, result.incidents.map(listEntryOf), catalogue, result.nextCursor, origin, 'triage.list');
}

async function summarise(
  deps: ListDeps,
  caller: StaffCaller,
  entries: readonly IncidentListEntry[],
  catalogue: readonly Category[],
  nextCursor: string | undefined,
  origin: RequestOrigin,
  action: string,
) {
  const { mayViewAll } = categoryVisibility(caller, catalogue);
  const visible = entries.filter((entry) => mayViewAll(entry.categoryIds));
  const [pupils, staff] = await Promise.all([
    deps.students.getMany([...new Set(visible.map((entry) => entry.studentId))]),
    deps.staff.getMany([...new Set(visible.flatMap((entry) => [entry.authorId, ...entry.assignedTo]))]),
  ]);
  const staffShown = (staffId: string) => staffRef(staffId, staff.get(staffId));
  await deps.audit.record(
    auditEvent(deps, caller, origin, {
      action,
      recordType: 'incident',
      recordId: action,
      studentIds: visible.map((entry) => entry.studentId),
      detail: { shown: String(visible.length), hidden: String(entries.length - visible.length) },
    }),
  );
  return {
    incidents: visible.map((entry) => ({
      id: entry.incidentId,
      student: pupilRef(entry.studentId, pupils.get(entry.studentId)),
      occurredAt: entry.occurredAt,
      recordedAt: entry.recordedAt,
      author: staffShown(entry.authorId),
      categories: entry.categoryIds.map((categoryId) => ({ id: categoryId, name: catalogue.find((category) => category.id === categoryId)?.name ?? categoryId })),
      status: entry.status,
      assignedTo: entry.assignedTo.map(staffShown),
      reviewed: entry.reviewed,
      version: entry.version,
    })),
    hiddenCount: entries.length - visible.length,
    ...(nextCursor ? { nextCursor } : {}),
  };
}
