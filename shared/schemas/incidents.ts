import { z } from 'zod';

/**
 * Request and response shapes for recording. Shape rules live here (and so in the
 * OpenAPI document); rules that need the school's data (does this category exist? may
 * this person apply it?) live in the domain.
 */
const id = z.string().trim().min(1, 'must not be empty').max(100, 'is too long');
const isoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-11-23T09:30:00Z' });

export const linkedStudentRoles = ['involved', 'witness', 'victim', 'alleged_perpetrator'] as const;
export const incidentStatuses = ['active', 'closed'] as const;

export const CategoryChoice = z
  .object({
    categoryId: id,
    subCategoryIds: z.array(id).max(30).default([]),
    fields: z.record(z.string(), z.union([z.string().max(4000), z.number(), z.array(z.string().max(200)).max(50)])).default({}),
  })
  .strict()
  .meta({ id: 'CategoryChoice' });

export const BodyMapMark = z
  .object({
    side: z.enum(['front', 'back']),
    x: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
    y: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
    description: z.string().trim().min(1, 'describe the mark: colour, shape, size').max(1000),
  })
  .strict()
  .meta({ id: 'BodyMapMark' });

export const NewIncident = z
  .object({
    studentId: id,
    occurredAt: isoInstant.optional().meta({ description: 'When it happened (not when it is recorded); defaults to now. Not in the future, not more than a year ago.' }),
    description: z.string().trim().min(1, 'write what happened in full sentences').max(20_000, 'is too long (20,000 characters at most)'),
    categories: z.array(CategoryChoice).min(1, 'choose at least one category').max(10),
    linkedStudents: z
      .array(z.object({ studentId: id, role: z.enum(linkedStudentRoles) }).strict())
      .max(30)
      .default([]),
    location: z.string().trim().min(1).max(100).optional(),
    bodyMap: z.array(BodyMapMark).max(50).default([]),
    status: z.enum(incidentStatuses).default('active'),
    assignedTo: z.array(id).max(20).default([]),
    alert: z
      .object({ staffIds: z.array(id).max(100).default([]), groupIds: z.array(id).max(20).default([]) })
      .strict()
      .default({ staffIds: [], groupIds: [] }),
    agencies: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
    reminder: z.object({ at: isoInstant, note: z.string().trim().max(500).default('') }).strict().optional(),
  })
  .strict()
  .meta({ id: 'NewIncident' });
export type NewIncident = z.infer<typeof NewIncident>;

export const IncidentPath = z.object({ id }).meta({ id: 'IncidentPath' });

export const NewAction = z
  .object({
    text: z.string().trim().min(1, 'write what was done, decided or passed on').max(20_000),
    // Each tagged person is a tag item and an alert in the action's one transaction (2n + 3 of
    // DynamoDB's 100 items): the domain's MAX_TAGGED.
    taggedStaffIds: z.array(id).max(45, 'tag at most 45 people; they can pass it on').default([]),
    requestedStatus: z.enum(incidentStatuses).optional().meta({ description: 'Asks the DSL to change the status; it does not change it.' }),
  })
  .strict()
  .meta({ id: 'NewAction' });
export type NewAction = z.infer<typeof NewAction>;

const StaffRef = z.object({ id: z.string(), name: z.string() });

export const ActionView = z
  .object({
    id: z.string(),
    text: z.string(),
    author: StaffRef,
    taggedStaff: z.array(StaffRef),
    requestedStatus: z.enum(incidentStatuses).optional(),
    createdAt: z.string(),
  })
  .meta({ id: 'Action' });

export const IncidentView = z
  .object({
    id: z.string(),
    student: z.object({ id: z.string(), name: z.string(), yearGroup: z.string(), className: z.string() }),
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
    actions: z.array(ActionView),
  })
  .meta({ id: 'Incident' });

