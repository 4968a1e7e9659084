import * as z from 'zod/mini';
import { extend } from './extend';
import {
  BODY_MAP_DESCRIPTION_MAX_CHARS,
  BODY_MAP_MARKS_MAX,
  BODY_MAP_SMALLEST_FRACTION,
  CATEGORIES_MAX,
  CATEGORY_FIELDS_MAX,
  CHOICE_OPTIONS_MAX,
  CHOICE_OPTION_MAX_CHARS,
  DESCRIPTION_MAX_CHARS,
  FIELD_ID_MAX_CHARS,
  INCIDENT_MAX_BYTES,
  MINUTES_MAX,
  SUB_CATEGORIES_MAX,
  TEXT_ANSWER_MAX_CHARS,
} from './incident-limits';

/**
 * Request and response shapes for recording. Shape rules live here (and so in the
 * OpenAPI document); rules that need the school's data (does this category exist? may
 * this person apply it?) live in the domain.
 */
export const id = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(100, 'is too long'));
export const isoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-11-23T09:30:00Z' });

/** A position on the body map: 0, or a fraction from a millionth to 1. */
function fraction() {
  return z.number().check(z.gte(0, 'must be between 0 and 1'), z.lte(1, 'must be between 0 and 1'), z.refine((value) => value === 0 || value >= BODY_MAP_SMALLEST_FRACTION, 'must be 0 or at least 0.000001 (a millionth of the drawing)'));
}

export const linkedStudentRoles = ['involved', 'witness', 'victim', 'alleged_perpetrator'] as const;
export const incidentStatuses = ['active', 'closed'] as const;

export const CategoryChoice = z.strictObject({
    categoryId: id,
    subCategoryIds: z._default(z.array(id).check(z.maxLength(SUB_CATEGORIES_MAX)), []),
    // The widest answers any category question may take; the domain checks each against its question.
    fields: z._default(z.record(
        z.string().check(z.maxLength(FIELD_ID_MAX_CHARS)),
        z.union([
          z.string().check(z.maxLength(TEXT_ANSWER_MAX_CHARS, `is too long (${TEXT_ANSWER_MAX_CHARS.toLocaleString('en-GB')} characters at most)`)),
          z.number().check(z.int('must be a whole number of minutes'), z.gte(0, `must be from 0 to ${MINUTES_MAX}`), z.lte(MINUTES_MAX, `must be from 0 to ${MINUTES_MAX}`)),
          z.array(z.string().check(z.maxLength(CHOICE_OPTION_MAX_CHARS))).check(z.maxLength(CHOICE_OPTIONS_MAX)),
        ]),
      ).check(z.refine((answers) => Object.keys(answers).length <= CATEGORY_FIELDS_MAX, `answer at most ${CATEGORY_FIELDS_MAX} questions`)), {}),
  }).check(z.meta({ id: 'CategoryChoice' }));

export const BodyMapMark = z.strictObject({
    side: z.enum(['front', 'back']),
    x: fraction().check(z.meta({ description: 'Across the drawing, from 0 (left) to 1 (right)' })),
    y: fraction().check(z.meta({ description: 'Down the drawing, from 0 (top) to 1 (bottom)' })),
    description: z.string().check(z.trim(), z.minLength(1, 'describe the mark: colour, shape, size'), z.maxLength(BODY_MAP_DESCRIPTION_MAX_CHARS)),
  }).check(z.meta({ id: 'BodyMapMark' }));

export const NewIncident = z.strictObject({
    studentId: id,
    occurredAt: z.optional(isoInstant).check(z.meta({ description: 'When it happened (not when it is recorded); defaults to now. Not in the future, not more than a year ago.' })),
    description: z.string().check(z.trim(), z.minLength(1, 'write what happened in full sentences'), z.maxLength(DESCRIPTION_MAX_CHARS, `is too long (${DESCRIPTION_MAX_CHARS.toLocaleString('en-GB')} characters at most)`)),
    categories: z.array(CategoryChoice).check(z.minLength(1, 'choose at least one category'), z.maxLength(CATEGORIES_MAX)),
    linkedStudents: z._default(z.array(z.strictObject({ studentId: id, role: z.enum(linkedStudentRoles) })).check(z.maxLength(30)), []),
    location: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
    bodyMap: z._default(z.array(BodyMapMark).check(z.maxLength(BODY_MAP_MARKS_MAX)), []),
    status: z._default(z.enum(incidentStatuses), 'active'),
    assignedTo: z._default(z.array(id).check(z.maxLength(20)), []),
    alert: z._default(z.strictObject({ staffIds: z._default(z.array(id).check(z.maxLength(100)), []), groupIds: z._default(z.array(id).check(z.maxLength(20)), []) }), { staffIds: [], groupIds: [] }),
    agencies: z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))).check(z.maxLength(20)), []),
    reminder: z.optional(z.strictObject({ at: isoInstant, note: z._default(z.string().check(z.trim(), z.maxLength(500)), '') })),
    fileIds: z._default(z.array(id).check(z.maxLength(5, 'attach at most 5 files; add more in an action')), []).check(z.meta({ description: 'Uploads from POST /v1/files by the caller, not attached yet' })),
  }).check(z.meta({ id: 'NewIncident', description: `Recorded as one item: at most ${INCIDENT_MAX_BYTES.toLocaleString('en-GB')} bytes (UTF-8) in all, or 413.` }));
export type NewIncident = z.infer<typeof NewIncident>;

export const IncidentPath = z.object({ id }).check(z.meta({ id: 'IncidentPath' }));

export const NewAction = z.strictObject({
    text: z.string().check(z.trim(), z.minLength(1, 'write what was done, decided or passed on'), z.maxLength(20_000)),
    // Each tagged person is a tag item and an alert in the action's one transaction (2n + 3 of
    // DynamoDB's 100 items): the domain's MAX_TAGGED.
    taggedStaffIds: z._default(z.array(id).check(z.maxLength(45, 'tag at most 45 people; they can pass it on')), []),
    requestedStatus: z.optional(z.enum(incidentStatuses)).check(z.meta({ description: 'Asks the DSL to change the status; it does not change it.' })),
    fileIds: z._default(z.array(id).check(z.maxLength(5, 'attach at most 5 files; add more in another action')), []).check(z.meta({ description: 'Uploads from POST /v1/files by the caller, not attached yet' })),
  }).check(z.meta({ id: 'NewAction' }));
export type NewAction = z.infer<typeof NewAction>;

/** A member of staff as shown beside a record: an author, a tagged or assigned colleague. */
export const StaffRef = z.object({ id: z.string(), name: z.string() });

export const scanStates = ['pending', 'clean', 'infected', 'mismatched', 'unscanned'] as const;

export const FileView = z.object({
    id: z.string(),
    name: z.string(),
    contentType: z.string(),
    size: z.number().check(z.int()),
    scan: z.enum(scanStates).check(z.meta({ description: 'pending: being checked; clean: downloadable; infected or mismatched: quarantined; unscanned: the scanner could not check it' })),
  }).check(z.meta({ id: 'File' }));

export const ActionView = z.object({
    id: z.string(),
    text: z.string(),
    author: StaffRef,
    taggedStaff: z.array(StaffRef),
    requestedStatus: z.optional(z.enum(incidentStatuses)),
    files: z.array(FileView),
    createdAt: z.string(),
  }).check(z.meta({ id: 'Action' }));

/** A pupil as shown beside a record: the incident's subject, a dashboard entry, a quality finding's candidate. */
export const PupilRef = z.object({ id: z.string(), name: z.string(), yearGroup: z.string(), className: z.string() });

export const IncidentView = z.object({
    id: z.string(),
    student: PupilRef,
    linkedStudents: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(linkedStudentRoles) })),
    occurredAt: z.string(),
    recordedAt: z.string(),
    dayOfWeek: z.string(),
    session: z.enum(['before_school', 'am', 'lunch', 'pm', 'after_school']),
    location: z.optional(z.string()),
    description: z.string(),
    categories: z.array(
      z.object({
        categoryId: z.string(),
        name: z.string(),
        subCategories: z.array(z.object({ id: z.string(), name: z.string() })),
        fields: z.record(z.string(), z.unknown()),
      }),
    ),
    bodyMap: z.array(extend(BodyMapMark, { number: z.number().check(z.int()) })),
    status: z.enum(incidentStatuses),
    author: extend(StaffRef, { jobTitle: z.string() }),
    assignedTo: z.array(StaffRef),
    alerted: z.object({ staff: z.array(StaffRef), groups: z.array(z.object({ id: z.string(), name: z.string() })) }),
    agencies: z.array(z.string()),
    reminder: z.optional(z.object({ at: z.string(), note: z.string() })),
    files: z.array(FileView),
    actions: z.array(ActionView),
    version: z.number().check(z.int(), z.meta({ description: 'Send it back as expectedVersion to change the incident' })),
    outcome: z.optional(z.string()).check(z.meta({ description: 'Why it was closed' })),
    review: z.optional(z.object({ by: StaffRef, at: z.string(), note: z.optional(z.string()) })).check(z.meta({ description: 'When a DSL reviewed it' })),
    seenBecause: z.array(z.enum(['author', 'alerted', 'assigned', 'tagged', 'elevated'])).check(z.meta({ description: 'Why the caller may read this incident: they wrote it, were alerted, assigned or tagged, or read it elevated' })),
  }).check(z.meta({ id: 'Incident' }));

