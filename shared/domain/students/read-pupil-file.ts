import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { auditEvent, foundAbout, type RequestOrigin } from '../audit/audit-context';
import { seesSafeguarding } from '../permissions';
import { categoryVisibility } from '../casework/category-visibility';
import type { TimelineIncident } from '../casework/timeline';
import { displayName } from '../staff/staff-profile';
import { emptySafeguarding } from './safeguarding-flags';
import { fullName } from './student';

const MOST_LINKED_SHOWN = 5;
const OPEN_SHOWN = 20;

const incidentSummary = (entry: TimelineIncident) => ({
  incidentId: entry.incidentId,
  occurredAt: entry.occurredAt,
  role: entry.role,
  categoryIds: entry.incidentCategoryIds,
  status: entry.status,
});

/**
 * A pupil's file for an elevated reader: details, counts by category, open incidents, the
 * last incident and the pupils most often on the same incidents, limited to the categories
 * open to the reader; DSLs also see the safeguarding flags, key adult and NHS number.
 * Audited against the pupil and every other pupil it names.
 */
export async function readPupilFile(
  deps: Pick<Deps, 'students' | 'pupilFiles' | 'categories' | 'staff' | 'audit' | 'clock' | 'ids'>,
  caller: StaffCaller,
  studentId: string,
  origin: RequestOrigin,
) {
  const [student, catalogue, entries, safeguarding] = await Promise.all([
    deps.students.get(studentId),
    deps.categories.list(),
    deps.pupilFiles.timelineIncidents(studentId),
    seesSafeguarding(caller) ? deps.pupilFiles.safeguarding(studentId) : Promise.resolve(undefined),
  ]);
  const found = foundAbout({ action: 'student.read', recordType: 'student', recordId: studentId, studentIds: [studentId] }, student, 'No such pupil.');
  const { mayViewAll } = categoryVisibility(caller, catalogue);
  const visible = entries.filter((entry) => mayViewAll(entry.incidentCategoryIds)).sort((left, right) => (left.occurredAt < right.occurredAt ? -1 : 1));

  const countsByCategory = new Map<string, number>();
  for (const entry of visible) for (const categoryId of entry.incidentCategoryIds) countsByCategory.set(categoryId, (countsByCategory.get(categoryId) ?? 0) + 1);
  const linkedCounts = new Map<string, number>();
  for (const entry of visible) for (const other of entry.otherStudentIds) linkedCounts.set(other, (linkedCounts.get(other) ?? 0) + 1);
  const mostLinkedIds = [...linkedCounts.entries()].sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1)).slice(0, MOST_LINKED_SHOWN);
  const linkedPupils = await deps.students.getMany(mostLinkedIds.map(([id]) => id));

  const record = seesSafeguarding(caller) ? (safeguarding ?? emptySafeguarding(studentId)) : undefined;
  const keyAdult = record?.keyAdultStaffId ? await deps.staff.get(record.keyAdultStaffId) : undefined;
  const catalogueNames = new Map(catalogue.map((category) => [category.id, category.name]));
  const last = visible.at(-1);

  const view = {
    student: { id: found.id, upn: found.upn, givenName: found.givenName, familyName: found.familyName, dateOfBirth: found.dateOfBirth, yearGroup: found.yearGroup, className: found.className, status: found.status },
    ...(record
      ? {
          safeguarding: {
            flags: record.flags,
            ...(record.keyAdultStaffId ? { keyAdult: { staffId: record.keyAdultStaffId, name: keyAdult ? displayName(keyAdult) : 'Unknown member of staff' } } : {}),
            ...(record.nhsNumber ? { nhsNumber: record.nhsNumber } : {}),
            version: record.version,
            ...(record.updatedAt ? { updatedAt: record.updatedAt } : {}),
          },
        }
      : {}),
    countsByCategory: [...countsByCategory.entries()].map(([categoryId, count]) => ({ categoryId, name: catalogueNames.get(categoryId) ?? categoryId, count })).sort((left, right) => right.count - left.count || left.name.localeCompare(right.name)),
    incidentCount: visible.length,
    openIncidents: visible.filter((entry) => entry.status === 'active').reverse().slice(0, OPEN_SHOWN).map(incidentSummary),
    ...(last ? { lastIncident: incidentSummary(last) } : {}),
    mostLinkedPupils: mostLinkedIds.map(([id, count]) => {
      const pupil = linkedPupils.get(id);
      return { studentId: id, name: pupil ? fullName(pupil) : 'Unknown pupil', count };
    }),
    hiddenIncidents: entries.length - visible.length,
  };
  await deps.audit.record(auditEvent(deps, caller, origin, { action: 'student.read', recordType: 'student', recordId: studentId, studentIds: [studentId, ...mostLinkedIds.map(([id]) => id)] }));
  return view;
}
