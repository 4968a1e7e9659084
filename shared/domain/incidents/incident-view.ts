import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import type { StoredIncident } from '../ports';
import type { Category } from '../categories/category';
import type { AlertGroup } from '../alerts/alert';
import type { IncidentAction } from './incident';
import type { StaffProfile } from '../staff/staff-profile';
import { staffRef } from '../staff/staff-profile';
import { fullName, pupilRef, type Student } from '../students/student';
import { relationshipsTo, visibleActions } from './relationships';
import type { AttachedFile, ScanState, StoredFileRecord } from '../files/stored-file';

export type IncidentViewModel = Awaited<ReturnType<typeof loadIncidentView>>;

/**
 * The incident as this caller may see it: names resolved now (a pupil's name change
 * shows everywhere), actions filtered, the planner reminder only for its owner.
 */
export interface IncidentViewOptions {
  readonly seesEveryAction?: boolean;
  /** The school's categories and alert groups, when the request has read them already. */
  readonly catalogue?: readonly Category[];
  readonly alertGroups?: readonly AlertGroup[];
  /** The incident's pupils and the school's staff, when the request has read them already (a create has). */
  readonly pupils?: ReadonlyMap<string, Student>;
  readonly staff?: ReadonlyMap<string, StaffProfile>;
}

export async function loadIncidentView(deps: Pick<Deps, 'students' | 'staff' | 'categories' | 'alertGroups' | 'fileRecords'>, caller: StaffCaller, stored: StoredIncident, options: IncidentViewOptions = {}) {
  const { incident } = stored;
  const actions = visibleActions(caller, stored.actions, options.seesEveryAction ?? false);
  const staffIds = new Set([
    incident.authorId,
    ...(incident.review ? [incident.review.by] : []),
    ...incident.assignedTo,
    ...incident.alert.staffIds,
    ...actions.flatMap((action) => [action.authorId, ...action.taggedStaffIds]),
  ]);
  // Only what the request has not read yet; the alert groups only if the incident alerted one.
  const fileIds = [...(incident.files ?? []), ...actions.flatMap((action) => action.files ?? [])].map((file) => file.id);
  const [pupils, staff, catalogue, groups, fileRecords] = await Promise.all([
    options.pupils ?? deps.students.getMany([incident.studentId, ...incident.linkedStudents.map((linked) => linked.studentId)]),
    options.staff ?? deps.staff.getMany([...staffIds]),
    options.catalogue ?? deps.categories.list(),
    options.alertGroups ?? (incident.alert.groupIds.length > 0 ? deps.alertGroups.list() : []),
    fileIds.length > 0 ? deps.fileRecords.getMany(fileIds) : new Map<string, StoredFileRecord>(),
  ]);
  const scanOf = (fileId: string) => fileRecords.get(fileId)?.scan ?? 'pending';
  const staffShown = staffRefFrom(staff);
  const pupil = pupils.get(incident.studentId);
  const author = staff.get(incident.authorId);

  return {
    id: incident.id,
    student: pupilRef(incident.studentId, pupil),
    linkedStudents: incident.linkedStudents.map((linked) => {
      const linkedPupil = pupils.get(linked.studentId);
      return { id: linked.studentId, name: linkedPupil ? fullName(linkedPupil) : 'Unknown pupil', role: linked.role };
    }),
    occurredAt: incident.occurredAt,
    recordedAt: incident.recordedAt,
    dayOfWeek: incident.dayOfWeek,
    session: incident.session,
    ...(incident.location !== undefined ? { location: incident.location } : {}),
    description: incident.description,
    categories: incident.categories.map((choice) => {
      const category = catalogue.find((candidate) => candidate.id === choice.categoryId);
      return {
        categoryId: choice.categoryId,
        name: category?.name ?? choice.categoryId,
        subCategories: choice.subCategoryIds.map((subId) => ({ id: subId, name: category?.subCategories.find((sub) => sub.id === subId)?.name ?? subId })),
        fields: choice.fields,
      };
    }),
    bodyMap: incident.bodyMap.map((mark) => ({ ...mark })),
    status: incident.status,
    author: { ...staffShown(incident.authorId), jobTitle: author?.jobTitle ?? '' },
    assignedTo: incident.assignedTo.map(staffShown),
    alerted: {
      staff: incident.alert.staffIds.map(staffShown),
      groups: incident.alert.groupIds.map((groupId) => ({ id: groupId, name: groups.find((group) => group.id === groupId)?.name ?? groupId })),
    },
    agencies: [...incident.agencies],
    ...(incident.reminder && incident.authorId === caller.staffId ? { reminder: { ...incident.reminder } } : {}),
    files: filesView(incident.files, scanOf),
    actions: actions.map((action) => actionView(action, staff, scanOf)),
    version: incident.version,
    ...(incident.outcome !== undefined ? { outcome: incident.outcome } : {}),
    // A DSL's review note is for elevated readers; the author sees only that it was reviewed.
    ...(incident.review ? { review: { by: staffShown(incident.review.by), at: incident.review.at, ...(incident.review.note && options.seesEveryAction ? { note: incident.review.note } : {}) } } : {}),
    seenBecause: [...relationshipsTo(caller, stored), ...(options.seesEveryAction ? (['elevated'] as const) : [])],
  };
}

/** An action as shown: who wrote it and whom it tagged, by name. */
export function actionView(action: IncidentAction, staff: ReadonlyMap<string, StaffProfile>, scanOf: (fileId: string) => ScanState = () => 'pending') {
  const staffShown = staffRefFrom(staff);
  return {
    id: action.id,
    text: action.text,
    author: staffShown(action.authorId),
    taggedStaff: action.taggedStaffIds.map(staffShown),
    ...(action.requestedStatus ? { requestedStatus: action.requestedStatus } : {}),
    files: filesView(action.files, scanOf),
    createdAt: action.createdAt,
  };
}

/** Each file with its scan state now: "being checked" until the scanner has answered. */
function filesView(files: readonly AttachedFile[] | undefined, scanOf: (fileId: string) => ScanState) {
  return (files ?? []).map((file) => ({ ...file, scan: scanOf(file.id) }));
}

function staffRefFrom(staff: ReadonlyMap<string, StaffProfile>) {
  return (staffId: string) => staffRef(staffId, staff.get(staffId));
}
