import * as z from 'zod';
import { flagKinds } from '../domain/students/safeguarding-flags';
import type { StudentStatus } from '../domain/students/student';
import { reportGroupings } from '../domain/reports/report-facts';
import { CATEGORIES_MAX } from './incident-limits';
import { pageCursor, pageFields } from './page';
import { CategoryChoice, id, IncidentView, incidentStatuses, isoInstant, linkedStudentRoles, PupilRef, StaffRef } from './incidents';

/** A pupil's file, chronology, flags and status; reports. Elevated readers only. */
export const StudentPath = z.object({ id: z.string().min(1).max(100) }).meta({ id: 'StudentPath' });

const date = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });
const dateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time' });
/** Where a pupil stands: on roll, left, or archived (a leaver's file, found by DSLs only). */
const pupilStatuses = ['on_roll', 'left', 'archived'] as const satisfies readonly StudentStatus[];
const reason = z.string().trim().min(1, 'is required: say why').max(2_000, 'must be 2,000 characters at most');

export const SafeguardingFlag = z
  .object({
    kind: z.enum(flagKinds),
    label: z.string().trim().min(1).max(100).optional(),
    startDate: date,
    endDate: date.optional(),
    reason: z.string().trim().min(1, 'is required').max(2_000),
  })
  .strict()
  .meta({ id: 'SafeguardingFlag' });

export const SafeguardingChange = z
  .object({
    reason,
    expectedVersion: z.number().int().min(0),
    flags: z.array(SafeguardingFlag).max(50, 'must be 50 at most').optional(),
    keyAdultStaffId: z.string().min(1).max(100).nullable().optional(),
    nhsNumber: z.string().regex(/^\d{10}$/, 'must be 10 digits').nullable().optional(),
  })
  .strict()
  .meta({ id: 'SafeguardingChange' });

export const StudentFindQuery = z
  .object({
    query: z.string().trim().min(1, 'type at least one letter of the name').max(60),
    includeArchived: z.enum(['true', 'false']).default('false').meta({ description: 'true: archived pupils (leavers) too' }),
  })
  .strict()
  .meta({ id: 'StudentFindQuery' });

export const StudentFindResult = z
  .object({
    students: z.array(
      z.object({ id: z.string(), name: z.string(), givenName: z.string(), familyName: z.string(), yearGroup: z.string(), className: z.string(), status: z.enum(pupilStatuses) }),
    ),
  })
  .meta({ id: 'StudentFindResult' });

export const StudentStatusChange = z.object({ status: z.enum(pupilStatuses), reason }).strict().meta({ id: 'StudentStatusChange' });

const StudentDetails = z
  .object({ id: z.string(), upn: z.string(), givenName: z.string(), familyName: z.string(), dateOfBirth: z.string(), yearGroup: z.string(), className: z.string(), status: z.enum(pupilStatuses) })
  .meta({ id: 'StudentDetails' });

const IncidentBrief = z.object({ incidentId: z.string(), occurredAt: z.string(), role: z.string(), categoryIds: z.array(z.string()), status: z.enum(incidentStatuses) });

export const Safeguarding = z
  .object({
    flags: z.array(SafeguardingFlag),
    keyAdult: z.object({ staffId: z.string(), name: z.string() }).optional(),
    keyAdultStaffId: z.string().optional(),
    nhsNumber: z.string().optional(),
    version: z.number().int(),
    updatedAt: z.string().optional(),
  })
  .meta({ id: 'Safeguarding' });

export const PupilFile = z
  .object({
    student: StudentDetails,
    safeguarding: Safeguarding.optional().meta({ description: 'DSLs only: flags, key adult, NHS number' }),
    countsByCategory: z.array(z.object({ categoryId: z.string(), name: z.string(), count: z.number().int() })),
    incidentCount: z.number().int(),
    openIncidents: z.array(IncidentBrief),
    lastIncident: IncidentBrief.optional(),
    mostLinkedPupils: z.array(z.object({ studentId: z.string(), name: z.string(), count: z.number().int() })),
    hiddenIncidents: z.number().int().meta({ description: 'Incidents on the record in categories closed to the reader' }),
  })
  .meta({ id: 'PupilFile' });

const FlagsShape = z.object({ flags: z.array(SafeguardingFlag), keyAdultStaffId: z.string().optional(), nhsNumber: z.string().optional() });
export const SafeguardingVersionView = z
  .object({ studentId: z.string(), version: z.number().int(), at: z.string(), by: z.string(), reason: z.string(), before: FlagsShape, after: FlagsShape })
  .meta({ id: 'SafeguardingVersion' });

export const SafeguardingChanged = z.object({ safeguarding: Safeguarding, change: SafeguardingVersionView }).meta({ id: 'SafeguardingChanged' });
export const StudentStatusChanged = z.object({ student: StudentDetails }).meta({ id: 'StudentStatusChanged' });

export const ChronologyQuery = z
  .object({
    from: dateOrTime.optional(),
    to: dateOrTime.optional(),
    categoryId: z.string().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1, 'must be at least 1').max(200, 'must be 200 at most').default(50),
    cursor: pageCursor,
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: 'must not be after to', path: ['from'] })
  .meta({ id: 'ChronologyQuery' });

const ChronologyEntry = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('incident'),
      incidentId: z.string(),
      role: z.enum(['subject', ...linkedStudentRoles]),
      occurredAt: z.string(),
      recordedAt: z.string(),
      authorId: z.string(),
      incidentCategoryIds: z.array(z.string()),
      subCategoryIds: z.array(z.string()),
      status: z.enum(incidentStatuses),
      summary: z.string(),
      otherStudentIds: z.array(z.string()),
    }),
    z.object({ kind: z.literal('action'), incidentId: z.string(), actionId: z.string(), occurredAt: z.string(), createdAt: z.string(), authorId: z.string(), text: z.string(), incidentCategoryIds: z.array(z.string()) }),
    z.object({
      kind: z.literal('referral'),
      incidentId: z.string(),
      referralId: z.string(),
      occurredAt: z.string(),
      agency: z.string(),
      agencyName: z.string().optional(),
      madeAt: z.string(),
      responseDueAt: z.string(),
      state: z.enum(['made', 'acknowledged', 'outcome']),
      reference: z.string().optional(),
      outcome: z.object({ at: z.string(), text: z.string() }).optional(),
      incidentCategoryIds: z.array(z.string()),
    }),
    SafeguardingVersionView.extend({ kind: z.literal('flags') }),
  ])
  .meta({ id: 'ChronologyEntry' });

export const ChronologyPage = z
  .object({ entries: z.array(ChronologyEntry), hiddenCount: z.number().int().meta({ description: 'Entries on this page in categories closed to the reader ("2 entries hidden")' }), nextCursor: z.string().optional() })
  .meta({ id: 'ChronologyPage' });

export const ReportQuery = z
  .object({ from: date, to: date, groupBy: z.enum(reportGroupings), categoryId: z.string().min(1).max(100).optional() })
  .strict()
  .refine((query) => query.from <= query.to, { message: 'must not be after to', path: ['from'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 3 * 366 * 86_400_000, { message: 'a report covers three years at most', path: ['to'] })
  .meta({ id: 'ReportQuery' });

export const ReportSummary = z
  .object({
    range: z.object({ from: z.string(), to: z.string() }),
    groupBy: z.enum(reportGroupings),
    categoryId: z.string().optional(),
    total: z.number().int(),
    open: z.number().int(),
    closed: z.number().int(),
    groups: z.array(z.object({ key: z.string(), total: z.number().int(), open: z.number().int(), closed: z.number().int() })),
    timeliness: z.object({
      medianMinutesAtMost: z.number().optional(),
      p90MinutesAtMost: z.number().optional(),
      histogram: z.array(z.object({ upToMinutes: z.number().nullable(), count: z.number().int() })),
    }),
    referrals: z
      .array(z.object({ agency: z.string(), state: z.enum(['made', 'acknowledged', 'outcome']), count: z.number().int() }))
      .meta({ description: 'Referrals made from the incidents counted, by agency and where they stand' }),
  })
  .meta({ id: 'ReportSummary' });

/**
 * Managing an incident: what a DSL may change (categories, status, assignees, agencies),
 * always with a reason, against the version they read. The description and the pupil are
 * not fields here, and `strict` refuses them by name.
 */
export const IncidentChange = z
  .object({
    expectedVersion: z.number().int().min(1).meta({ description: 'The version the change is made against; another answers 409 with currentVersion' }),
    reason: z.string().trim().min(1, 'say why this change is made').max(2_000),
    categories: z.array(CategoryChoice).min(1, 'choose at least one category').max(CATEGORIES_MAX).optional(),
    status: z.enum(incidentStatuses).optional(),
    outcome: z.string().trim().min(1, 'say what the outcome was').max(5_000).optional().meta({ description: 'Required to close' }),
    assignedTo: z.array(id).max(20).optional().meta({ description: 'Everyone assigned after the change; newly assigned staff are alerted' }),
    agencies: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  })
  .strict()
  .superRefine((change, context) => {
    if (change.categories === undefined && change.status === undefined && change.assignedTo === undefined && change.agencies === undefined) {
      context.addIssue({ code: 'custom', path: ['categories'], message: 'change at least one of categories, status, assignedTo or agencies' });
    }
    if (change.status === 'closed' && change.outcome === undefined) context.addIssue({ code: 'custom', path: ['outcome'], message: 'say what the outcome was to close the incident' });
    if (change.outcome !== undefined && change.status !== 'closed') context.addIssue({ code: 'custom', path: ['outcome'], message: 'an outcome is given when closing (status "closed")' });
  })
  .meta({ id: 'IncidentChange' });
export type IncidentChange = z.infer<typeof IncidentChange>;

export const IncidentReviewInput = z
  .object({ note: z.string().trim().min(1).max(2_000).optional() })
  .strict()
  .default({})
  .meta({ id: 'IncidentReview' });

const Filterable = z.enum(['true', 'false']);

export const IncidentListQuery = z
  .object({
    categoryId: id.optional(),
    status: z.enum(incidentStatuses).optional(),
    from: isoInstant.optional().meta({ description: 'Occurred at or after' }),
    to: isoInstant.optional().meta({ description: 'Occurred at or before' }),
    assignedTo: id.optional(),
    reviewed: Filterable.optional(),
    ...pageFields,
  })
  .strict()
  .refine((query) => query.from === undefined || query.to === undefined || new Date(query.from) <= new Date(query.to), { path: ['from'], message: 'must not be after to' })
  .meta({ id: 'IncidentListQuery' });

export const PageQuery = z
  .object(pageFields)
  .strict()
  .meta({ id: 'PageQuery' });

const CategoryRef = z.object({ id: z.string(), name: z.string() });

export const IncidentSummary = z
  .object({
    id: z.string(),
    student: PupilRef,
    occurredAt: z.string(),
    recordedAt: z.string(),
    author: StaffRef,
    categories: z.array(CategoryRef),
    status: z.enum(incidentStatuses),
    assignedTo: z.array(StaffRef),
    reviewed: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'IncidentSummary' });

export const IncidentSummaryPage = z
  .object({
    incidents: z.array(IncidentSummary),
    hiddenCount: z.number().int().meta({ description: 'Incidents on this page left out because a category on them is not open to the caller' }),
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'IncidentSummaryPage' });

export const FieldChangeView = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

export const IncidentVersionView = z
  .object({ version: z.number().int(), changedBy: StaffRef, at: z.string(), reason: z.string(), changes: z.array(FieldChangeView) })
  .meta({ id: 'IncidentVersion' });

export const IncidentHistory = z
  .object({ incidentId: z.string(), currentVersion: z.number().int(), recorded: z.object({ by: StaffRef, at: z.string() }), versions: z.array(IncidentVersionView) })
  .meta({ id: 'IncidentHistory' });

export const ManagedIncident = z
  .object({ incident: IncidentView, version: IncidentVersionView })
  .meta({ id: 'ManagedIncident' });
