import * as z from 'zod';
import { CATEGORIES_MAX } from './incident-limits';
import { CategoryChoice, IncidentView, incidentStatuses } from './incidents';

/**
 * Managing an incident: what a DSL may change (categories, status, assignees, agencies),
 * always with a reason, against the version they read. The description and the pupil are
 * not fields here, and `strict` refuses them by name.
 */
const id = z.string().trim().min(1, 'must not be empty').max(100, 'is too long');
const isoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-11-23T09:30:00Z' });

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
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(2000).optional(),
  })
  .strict()
  .refine((query) => query.from === undefined || query.to === undefined || new Date(query.from) <= new Date(query.to), { path: ['from'], message: 'must not be after to' })
  .meta({ id: 'IncidentListQuery' });

export const PageQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(100).default(25), cursor: z.string().max(2000).optional() })
  .strict()
  .meta({ id: 'PageQuery' });

const StaffRef = z.object({ id: z.string(), name: z.string() });
const PupilRef = z.object({ id: z.string(), name: z.string(), yearGroup: z.string(), className: z.string() });
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
