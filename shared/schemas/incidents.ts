import * as z from 'zod';
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
export const id = z.string().trim().min(1, 'must not be empty').max(100, 'is too long');
export const isoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-11-23T09:30:00Z' });

/** A position on the body map: 0, or a fraction from a millionth to 1. */
function fraction() {
  return z
    .number()
    .min(0, 'must be between 0 and 1')
    .max(1, 'must be between 0 and 1')
    .refine((value) => value === 0 || value >= BODY_MAP_SMALLEST_FRACTION, 'must be 0 or at least 0.000001 (a millionth of the drawing)');
}

export const linkedStudentRoles = ['involved', 'witness', 'victim', 'alleged_perpetrator'] as const;
export const incidentStatuses = ['active', 'closed'] as const;

export const CategoryChoice = z
  .object({
    categoryId: id,
    subCategoryIds: z.array(id).max(SUB_CATEGORIES_MAX).default([]),
    // The widest answers any category question may take; the domain checks each against its question.
    fields: z
      .record(
        z.string().max(FIELD_ID_MAX_CHARS),
        z.union([
          z.string().max(TEXT_ANSWER_MAX_CHARS, `is too long (${TEXT_ANSWER_MAX_CHARS.toLocaleString('en-GB')} characters at most)`),
          z.number().int('must be a whole number of minutes').min(0, `must be from 0 to ${MINUTES_MAX}`).max(MINUTES_MAX, `must be from 0 to ${MINUTES_MAX}`),
          z.array(z.string().max(CHOICE_OPTION_MAX_CHARS)).max(CHOICE_OPTIONS_MAX),
        ]),
      )
      .refine((answers) => Object.keys(answers).length <= CATEGORY_FIELDS_MAX, `answer at most ${CATEGORY_FIELDS_MAX} questions`)
      .default({}),
  })
  .strict()
  .meta({ id: 'CategoryChoice' });

export const BodyMapMark = z
  .object({
    side: z.enum(['front', 'back']),
    x: fraction().meta({ description: 'Across the drawing, from 0 (left) to 1 (right)' }),
    y: fraction().meta({ description: 'Down the drawing, from 0 (top) to 1 (bottom)' }),
    description: z.string().trim().min(1, 'describe the mark: colour, shape, size').max(BODY_MAP_DESCRIPTION_MAX_CHARS),
  })
  .strict()
  .meta({ id: 'BodyMapMark' });

export const NewIncident = z
  .object({
    studentId: id,
    occurredAt: isoInstant.optional().meta({ description: 'When it happened (not when it is recorded); defaults to now. Not in the future, not more than a year ago.' }),
    description: z
      .string()
      .trim()
      .min(1, 'write what happened in full sentences')
      .max(DESCRIPTION_MAX_CHARS, `is too long (${DESCRIPTION_MAX_CHARS.toLocaleString('en-GB')} characters at most)`),
    categories: z.array(CategoryChoice).min(1, 'choose at least one category').max(CATEGORIES_MAX),
    linkedStudents: z
      .array(z.object({ studentId: id, role: z.enum(linkedStudentRoles) }).strict())
      .max(30)
      .default([]),
    location: z.string().trim().min(1).max(100).optional(),
    bodyMap: z.array(BodyMapMark).max(BODY_MAP_MARKS_MAX).default([]),
    status: z.enum(incidentStatuses).default('active'),
    assignedTo: z.array(id).max(20).default([]),
    alert: z
      .object({ staffIds: z.array(id).max(100).default([]), groupIds: z.array(id).max(20).default([]) })
      .strict()
      .default({ staffIds: [], groupIds: [] }),
    agencies: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
    reminder: z.object({ at: isoInstant, note: z.string().trim().max(500).default('') }).strict().optional(),
    fileIds: z
      .array(id)
      .max(5, 'attach at most 5 files; add more in an action')
      .default([])
      .meta({ description: 'Uploads from POST /v1/files by the caller, not attached yet' }),
  })
  .strict()
  .meta({ id: 'NewIncident', description: `Recorded as one item: at most ${INCIDENT_MAX_BYTES.toLocaleString('en-GB')} bytes (UTF-8) in all, or 413.` });
export type NewIncident = z.infer<typeof NewIncident>;

export const IncidentPath = z.object({ id }).meta({ id: 'IncidentPath' });

export const NewAction = z
  .object({
    text: z.string().trim().min(1, 'write what was done, decided or passed on').max(20_000),
    // Each tagged person is a tag item and an alert in the action's one transaction (2n + 3 of
    // DynamoDB's 100 items): the domain's MAX_TAGGED.
    taggedStaffIds: z.array(id).max(45, 'tag at most 45 people; they can pass it on').default([]),
    requestedStatus: z.enum(incidentStatuses).optional().meta({ description: 'Asks the DSL to change the status; it does not change it.' }),
    fileIds: z
      .array(id)
      .max(5, 'attach at most 5 files; add more in another action')
      .default([])
      .meta({ description: 'Uploads from POST /v1/files by the caller, not attached yet' }),
  })
  .strict()
  .meta({ id: 'NewAction' });
export type NewAction = z.infer<typeof NewAction>;

/** A member of staff as shown beside a record: an author, a tagged or assigned colleague. */
export const StaffRef = z.object({ id: z.string(), name: z.string() });

export const scanStates = ['pending', 'clean', 'infected', 'mismatched', 'unscanned'] as const;

export const FileView = z
  .object({
    id: z.string(),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    scan: z.enum(scanStates).meta({ description: 'pending: being checked; clean: downloadable; infected or mismatched: quarantined; unscanned: the scanner could not check it' }),
  })
  .meta({ id: 'File' });

export const ActionView = z
  .object({
    id: z.string(),
    text: z.string(),
    author: StaffRef,
    taggedStaff: z.array(StaffRef),
    requestedStatus: z.enum(incidentStatuses).optional(),
    files: z.array(FileView),
    createdAt: z.string(),
  })
  .meta({ id: 'Action' });

/** A pupil as shown beside a record: the incident's subject, a dashboard entry, a quality finding's candidate. */
export const PupilRef = z.object({ id: z.string(), name: z.string(), yearGroup: z.string(), className: z.string() });

export const IncidentView = z
  .object({
    id: z.string(),
    student: PupilRef,
    linkedStudents: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(linkedStudentRoles) })),
    occurredAt: z.string(),
    recordedAt: z.string(),
    dayOfWeek: z.string(),
    session: z.enum(['before_school', 'am', 'lunch', 'pm', 'after_school']),
    location: z.string().optional(),
    description: z.string(),
    categories: z.array(
      z.object({
        categoryId: z.string(),
        name: z.string(),
        subCategories: z.array(z.object({ id: z.string(), name: z.string() })),
        fields: z.record(z.string(), z.unknown()),
      }),
    ),
    bodyMap: z.array(BodyMapMark.extend({ number: z.number().int() })),
    status: z.enum(incidentStatuses),
    author: StaffRef.extend({ jobTitle: z.string() }),
    assignedTo: z.array(StaffRef),
    alerted: z.object({ staff: z.array(StaffRef), groups: z.array(z.object({ id: z.string(), name: z.string() })) }),
    agencies: z.array(z.string()),
    reminder: z.object({ at: z.string(), note: z.string() }).optional(),
    files: z.array(FileView),
    actions: z.array(ActionView),
    version: z.number().int().meta({ description: 'Send it back as expectedVersion to change the incident' }),
    outcome: z.string().optional().meta({ description: 'Why it was closed' }),
    review: z.object({ by: StaffRef, at: z.string(), note: z.string().optional() }).optional().meta({ description: 'When a DSL reviewed it' }),
    seenBecause: z
      .array(z.enum(['author', 'alerted', 'assigned', 'tagged', 'elevated']))
      .meta({ description: 'Why the caller may read this incident: they wrote it, were alerted, assigned or tagged, or read it elevated' }),
  })
  .meta({ id: 'Incident' });

