import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { auditEvent, foundAbout, type RequestOrigin } from '../audit/audit-context';
import { seesSafeguarding } from '../permissions';
import { categoryVisibility } from './category-visibility';
import type { TimelineItem } from './timeline';
import type { Category } from '../categories/category';

export interface ChronologyQuery {
  readonly from?: string;
  readonly to?: string;
  readonly categoryId?: string;
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * A pupil's chronology: every incident about them or linking them (with their role), each
 * incident's actions after it, and changes to their flags, in occurred-at order, so a
 * backdated entry sits where it happened. One page is ONE Query on the pupil's partition.
 * Entries in a category the reader may not see are left out and counted on the page;
 * flag changes are a DSL's. Audited against the pupil and every other pupil on the page.
 */
export async function readChronology(
  deps: Pick<Deps, 'students' | 'pupilFiles' | 'categories' | 'audit' | 'clock' | 'ids'>,
  caller: StaffCaller,
  studentId: string,
  query: ChronologyQuery,
  origin: RequestOrigin,
) {
  const [student, catalogue] = await Promise.all([deps.students.get(studentId), deps.categories.list()]);
  foundAbout({ action: 'student.chronology.read', recordType: 'student', recordId: studentId, studentIds: [studentId] }, student, 'No such pupil.');
  const page = await deps.pupilFiles.chronology(studentId, { from: query.from, to: query.to, limit: query.limit, cursor: query.cursor });
  const { shown, hidden } = chronologyEntriesFor(caller, catalogue, page.items, query.categoryId ? [query.categoryId] : []);
  const otherPupils = [...new Set(shown.flatMap((item) => (item.kind === 'incident' ? item.otherStudentIds : [])))];
  await deps.audit.record(auditEvent(deps, caller, origin, { action: 'student.chronology.read', recordType: 'student', recordId: studentId, studentIds: [studentId, ...otherPupils] }));
  return { entries: shown, hiddenCount: hidden, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/**
 * The one rule for what of a pupil's timeline a reader sees (the chronology and its export):
 * an entry shows only if every category on its incident is open to the reader (flag changes
 * are a DSL's), and, with `categoryIds`, only if its incident has one of them. Entries left
 * out for the reader's categories are counted in `hidden` when the filter would have shown them.
 */
export function chronologyEntriesFor(caller: StaffCaller, catalogue: readonly Category[], items: readonly TimelineItem[], categoryIds: readonly string[]) {
  const { mayViewAll } = categoryVisibility(caller, catalogue);
  const mayShow = (item: TimelineItem) => (item.kind === 'flags' ? seesSafeguarding(caller) : mayViewAll(item.incidentCategoryIds));
  const matchesFilter = (item: TimelineItem) => categoryIds.length === 0 || (item.kind !== 'flags' && item.incidentCategoryIds.some((id) => categoryIds.includes(id)));
  const shown: TimelineItem[] = [];
  let hidden = 0;
  for (const item of items) {
    if (!mayShow(item)) {
      // Counted only when the filter would have shown it: the filter leaves out the rest.
      if (matchesFilter(item)) hidden += 1;
      continue;
    }
    if (matchesFilter(item)) shown.push(item);
  }
  return { shown, hidden };
}
