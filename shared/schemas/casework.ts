import * as z from 'zod/mini';
import { extend } from './extend';
import { flagKinds } from '../domain/students/safeguarding-flags';
import type { StudentStatus } from '../domain/students/student';
import { reportGroupings } from '../domain/reports/report-facts';
import { CATEGORIES_MAX } from './incident-limits';
import { pageCursor, pageFields } from './page';
import { CategoryChoice, id, IncidentView, incidentStatuses, isoInstant, linkedStudentRoles, PupilRef, StaffRef } from './incidents';

/** A pupil's file, chronology, flags and status; reports. Elevated readers only. */
export const StudentPath = z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }).check(z.meta({ id: 'StudentPath' }));

const date = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });
const dateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time' });
/** Where a pupil stands: on roll, left, or archived (a leaver's file, found by DSLs only). */
const pupilStatuses = ['on_roll', 'left', 'archived'] as const satisfies readonly StudentStatus[];
const reason = z.string().check(z.trim(), z.minLength(1, 'is required: say why'), z.maxLength(2_000, 'must be 2,000 characters at most'));

export const SafeguardingFlag = z.strictObject({
    kind: z.enum(flagKinds),
    label: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
    startDate: date,
    endDate: z.optional(date),
    reason: z.string().check(z.trim(), z.minLength(1, 'is required'), z.maxLength(2_000)),
  }).check(z.meta({ id: 'SafeguardingFlag' }));

export const SafeguardingChange = z.strictObject({
    reason,
    expectedVersion: z.number().check(z.int(), z.gte(0)),
    flags: z.optional(z.array(SafeguardingFlag).check(z.maxLength(50, 'must be 50 at most'))),
    keyAdultStaffId: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(100)))),
    nhsNumber: z.optional(z.nullable(z.string().check(z.regex(/^\d{10}$/, 'must be 10 digits')))),
  }).check(z.meta({ id: 'SafeguardingChange' }));

export const StudentFindQuery = z.strictObject({
    query: z.string().check(z.trim(), z.minLength(1, 'type at least one letter of the name'), z.maxLength(60)),
    includeArchived: z._default(z.enum(['true', 'false']), 'false').check(z.meta({ description: 'true: archived pupils (leavers) too' })),
  }).check(z.meta({ id: 'StudentFindQuery' }));

export const StudentFindResult = z.object({
    students: z.array(
      z.object({ id: z.string(), name: z.string(), givenName: z.string(), familyName: z.string(), yearGroup: z.string(), className: z.string(), status: z.enum(pupilStatuses) }),
    ),
  }).check(z.meta({ id: 'StudentFindResult' }));

export const StudentStatusChange = z.strictObject({ status: z.enum(pupilStatuses), reason }).check(z.meta({ id: 'StudentStatusChange' }));

const StudentDetails = z.object({ id: z.string(), upn: z.string(), givenName: z.string(), familyName: z.string(), dateOfBirth: z.string(), yearGroup: z.string(), className: z.string(), status: z.enum(pupilStatuses) }).check(z.meta({ id: 'StudentDetails' }));

const IncidentBrief = z.object({ incidentId: z.string(), occurredAt: z.string(), role: z.string(), categoryIds: z.array(z.string()), status: z.enum(incidentStatuses) });

export const Safeguarding = z.object({
    flags: z.array(SafeguardingFlag),
    keyAdult: z.optional(z.object({ staffId: z.string(), name: z.string() })),
    keyAdultStaffId: z.optional(z.string()),
    nhsNumber: z.optional(z.string()),
    version: z.number().check(z.int()),
    updatedAt: z.optional(z.string()),
  }).check(z.meta({ id: 'Safeguarding' }));

export const PupilFile = z.object({
    student: StudentDetails,
    safeguarding: z.optional(Safeguarding).check(z.meta({ description: 'DSLs only: flags, key adult, NHS number' })),
    countsByCategory: z.array(z.object({ categoryId: z.string(), name: z.string(), count: z.number().check(z.int()) })),
    incidentCount: z.number().check(z.int()),
    openIncidents: z.array(IncidentBrief),
    lastIncident: z.optional(IncidentBrief),
    mostLinkedPupils: z.array(z.object({ studentId: z.string(), name: z.string(), count: z.number().check(z.int()) })),
    hiddenIncidents: z.number().check(z.int(), z.meta({ description: 'Incidents on the record in categories closed to the reader' })),
  }).check(z.meta({ id: 'PupilFile' }));

const FlagsShape = z.object({ flags: z.array(SafeguardingFlag), keyAdultStaffId: z.optional(z.string()), nhsNumber: z.optional(z.string()) });
export const SafeguardingVersionView = z.object({ studentId: z.string(), version: z.number().check(z.int()), at: z.string(), by: z.string(), reason: z.string(), before: FlagsShape, after: FlagsShape }).check(z.meta({ id: 'SafeguardingVersion' }));

export const SafeguardingChanged = z.object({ safeguarding: Safeguarding, change: SafeguardingVersionView }).check(z.meta({ id: 'SafeguardingChanged' }));
export const StudentStatusChanged = z.object({ student: StudentDetails }).check(z.meta({ id: 'StudentStatusChanged' }));

export const ChronologyQuery = z.strictObject({
    from: z.optional(dateOrTime),
    to: z.optional(dateOrTime),
    categoryId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1, 'must be at least 1'), z.lte(200, 'must be 200 at most')), 50),
    cursor: pageCursor,
  }).check(z.refine((query) => !query.from || !query.to || query.from <= query.to, { message: 'must not be after to', path: ['from'] }), z.meta({ id: 'ChronologyQuery' }));

const ChronologyEntry = z.discriminatedUnion('kind', [
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
      agencyName: z.optional(z.string()),
      madeAt: z.string(),
      responseDueAt: z.string(),
      state: z.enum(['made', 'acknowledged', 'outcome']),
      reference: z.optional(z.string()),
      outcome: z.optional(z.object({ at: z.string(), text: z.string() })),
      incidentCategoryIds: z.array(z.string()),
    }),
    extend(SafeguardingVersionView, { kind: z.literal('flags') }),
  ]).check(z.meta({ id: 'ChronologyEntry' }));

export const ChronologyPage = z.object({ entries: z.array(ChronologyEntry), hiddenCount: z.number().check(z.int(), z.meta({ description: 'Entries on this page in categories closed to the reader ("2 entries hidden")' })), nextCursor: z.optional(z.string()) }).check(z.meta({ id: 'ChronologyPage' }));

export const ReportQuery = z.strictObject({ from: date, to: date, groupBy: z.enum(reportGroupings), categoryId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))) }).check(z.refine((query) => query.from <= query.to, { message: 'must not be after to', path: ['from'] }), z.refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 3 * 366 * 86_400_000, { message: 'a report covers three years at most', path: ['to'] }), z.meta({ id: 'ReportQuery' }));

export const ReportSummary = z.object({
    range: z.object({ from: z.string(), to: z.string() }),
    groupBy: z.enum(reportGroupings),
    categoryId: z.optional(z.string()),
    total: z.number().check(z.int()),
    open: z.number().check(z.int()),
    closed: z.number().check(z.int()),
    groups: z.array(z.object({ key: z.string(), total: z.number().check(z.int()), open: z.number().check(z.int()), closed: z.number().check(z.int()) })),
    timeliness: z.object({
      medianMinutesAtMost: z.optional(z.number()),
      p90MinutesAtMost: z.optional(z.number()),
      histogram: z.array(z.object({ upToMinutes: z.nullable(z.number()), count: z.number().check(z.int()) })),
    }),
    referrals: z.array(z.object({ agency: z.string(), state: z.enum(['made', 'acknowledged', 'outcome']), count: z.number().check(z.int()) })).check(z.meta({ description: 'Referrals made from the incidents counted, by agency and where they stand' })),
  }).check(z.meta({ id: 'ReportSummary' }));

/**
 * Managing an incident: what a DSL may change (categories, status, assignees, agencies),
 * always with a reason, against the version they read. The description and the pupil are
 * not fields here, and `strict` refuses them by name.
 */
export const IncidentChange = z.strictObject({
    expectedVersion: z.number().check(z.int(), z.gte(1), z.meta({ description: 'The version the change is made against; another answers 409 with currentVersion' })),
    reason: z.string().check(z.trim(), z.minLength(1, 'say why this change is made'), z.maxLength(2_000)),
    categories: z.optional(z.array(CategoryChoice).check(z.minLength(1, 'choose at least one category'), z.maxLength(CATEGORIES_MAX))),
    status: z.optional(z.enum(incidentStatuses)),
    outcome: z.optional(z.string().check(z.trim(), z.minLength(1, 'say what the outcome was'), z.maxLength(5_000))).check(z.meta({ description: 'Required to close' })),
    assignedTo: z.optional(z.array(id).check(z.maxLength(20))).check(z.meta({ description: 'Everyone assigned after the change; newly assigned staff are alerted' })),
    agencies: z.optional(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))).check(z.maxLength(20))),
  }).check(z.superRefine((change, context) => {
    if (change.categories === undefined && change.status === undefined && change.assignedTo === undefined && change.agencies === undefined) {
      context.addIssue({ code: 'custom', path: ['categories'], message: 'change at least one of categories, status, assignedTo or agencies' });
    }
    if (change.status === 'closed' && change.outcome === undefined) context.addIssue({ code: 'custom', path: ['outcome'], message: 'say what the outcome was to close the incident' });
    if (change.outcome !== undefined && change.status !== 'closed') context.addIssue({ code: 'custom', path: ['outcome'], message: 'an outcome is given when closing (status "closed")' });
  }), z.meta({ id: 'IncidentChange' }));
export type IncidentChange = z.infer<typeof IncidentChange>;

export const IncidentReviewInput = z._default(z.strictObject({ note: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2_000))) }), {}).check(z.meta({ id: 'IncidentReview' }));

const Filterable = z.enum(['true', 'false']);

export const IncidentListQuery = z.strictObject({
    categoryId: z.optional(id),
    status: z.optional(z.enum(incidentStatuses)),
    from: z.optional(isoInstant).check(z.meta({ description: 'Occurred at or after' })),
    to: z.optional(isoInstant).check(z.meta({ description: 'Occurred at or before' })),
    assignedTo: z.optional(id),
    reviewed: z.optional(Filterable),
    ...pageFields,
  }).check(z.refine((query) => query.from === undefined || query.to === undefined || new Date(query.from) <= new Date(query.to), { path: ['from'], message: 'must not be after to' }), z.meta({ id: 'IncidentListQuery' }));

export const PageQuery = z.strictObject(pageFields).check(z.meta({ id: 'PageQuery' }));

const CategoryRef = z.object({ id: z.string(), name: z.string() });

export const IncidentSummary = z.object({
    id: z.string(),
    student: PupilRef,
    occurredAt: z.string(),
    recordedAt: z.string(),
    author: StaffRef,
    categories: z.array(CategoryRef),
    status: z.enum(incidentStatuses),
    assignedTo: z.array(StaffRef),
    reviewed: z.boolean(),
    version: z.number().check(z.int()),
  }).check(z.meta({ id: 'IncidentSummary' }));

export const IncidentSummaryPage = z.object({
    incidents: z.array(IncidentSummary),
    hiddenCount: z.number().check(z.int(), z.meta({ description: 'Incidents on this page left out because a category on them is not open to the caller' })),
    nextCursor: z.optional(z.string()),
  }).check(z.meta({ id: 'IncidentSummaryPage' }));

export const FieldChangeView = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

export const IncidentVersionView = z.object({ version: z.number().check(z.int()), changedBy: StaffRef, at: z.string(), reason: z.string(), changes: z.array(FieldChangeView) }).check(z.meta({ id: 'IncidentVersion' }));

export const IncidentHistory = z.object({ incidentId: z.string(), currentVersion: z.number().check(z.int()), recorded: z.object({ by: StaffRef, at: z.string() }), versions: z.array(IncidentVersionView) }).check(z.meta({ id: 'IncidentHistory' }));

export const ManagedIncident = z.object({ incident: IncidentView, version: IncidentVersionView }).check(z.meta({ id: 'ManagedIncident' }));
