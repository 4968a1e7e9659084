import * as z from 'zod/mini';
import { referralAgencies } from '../domain/referrals/referral';
import { CATEGORIES_MAX } from './incident-limits';
import { linkedStudentRoles } from './incidents';

/** Chronology exports (issue 13): a document for a conference, a strategy meeting, Ofsted or a solicitor. */
const date = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });

export const exportFormats = ['pdf', 'json'] as const;
export const redactionModes = ['none', 'third-parties'] as const;

/** The longest range one export covers: a pupil's whole time at school, with room to spare. */
export const EXPORT_RANGE_MAX_DAYS = 20 * 366;

export const ExportRequest = z.strictObject({
    format: z.enum(exportFormats),
    from: date,
    to: date,
    categories: z.optional(z
      .array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(CATEGORIES_MAX, `must be ${CATEGORIES_MAX} categories at most`))).check(z.meta({ description: 'Only incidents with one of these categories; every category open to the caller when absent or empty' })),
    redact: z.enum(redactionModes).check(z.meta({ description: "`third-parties`: other pupils' names become [pupil 1], [pupil 2]…, staff names their job titles" })),
  }).check(z.refine((request) => typeof request.from !== 'string' || typeof request.to !== 'string' || request.from <= request.to, { message: 'must not be after to', path: ['from'] }), z.refine((request) => typeof request.from !== 'string' || typeof request.to !== 'string' || Date.parse(request.to) - Date.parse(request.from) <= EXPORT_RANGE_MAX_DAYS * 86_400_000, {
    message: 'an export covers 20 years at most',
    path: ['to'],
  }), z.meta({ id: 'ExportRequest' }));

export const ExportStarted = z
  .object({
    exportId: z.string(),
    format: z.enum(exportFormats),
    redact: z.enum(redactionModes),
    fileName: z.string(),
    url: z.string().check(z.meta({ description: 'A presigned GET, valid for 15 minutes' })),
    expiresAt: z.string(),
    expiresInSeconds: z.number().check(z.int()),
    incidents: z.number().check(z.int(), z.meta({ description: 'Incidents in the document' })),
    hiddenCount: z.number().check(z.int(), z.meta({ description: 'Incidents in the range left out because a category on them is closed to the caller' })),
    redactions: z.number().check(z.int(), z.meta({ description: 'Names replaced' })),
  }).check(z.meta({ id: 'ExportStarted' }));

/** A name in the document; with redaction a label ([pupil 2]) or a job title. */
const Name = z.string();

/**
 * The JSON export, exactly: `format: json` stores a document that validates against this
 * (test/unit/domain/exports/chronology-export.test.ts), and `chronologyExportJsonSchema`
 * is the same as a JSON Schema for whoever receives it.
 */
export const ChronologyExportDocument = z.strictObject({
    schema: z.literal('lantern.chronology-export/1'),
    school: z.object({ id: z.string(), name: z.string() }),
    pupil: z.object({ id: z.string(), name: Name, upn: z.string(), dateOfBirth: z.string(), yearGroup: z.string(), className: z.string() }),
    range: z.object({ from: date, to: date }),
    categories: z.array(z.object({ id: z.string(), name: z.string() })).check(z.meta({ description: 'The categories asked for; empty for every category open to the reader' })),
    redaction: z.enum(redactionModes),
    generatedBy: z.object({ name: Name, jobTitle: z.string() }),
    generatedAt: z.string(),
    timeZone: z.string(),
    hiddenCount: z.number().check(z.int(), z.gte(0)),
    incidents: z.array(
      z.strictObject({
          incidentId: z.string(),
          occurredAt: z.string(),
          recordedAt: z.string(),
          role: z.enum(['subject', ...linkedStudentRoles]),
          categories: z.array(z.object({ id: z.string(), name: z.string(), subCategories: z.array(z.string()) })),
          location: z.optional(z.string()),
          author: Name,
          text: z.string(),
          status: z.enum(['active', 'closed']),
          outcome: z.optional(z.string()),
          pupil: z.object({ name: Name, role: z.enum(['subject', ...linkedStudentRoles]) }).check(z.meta({ description: 'The subject of the incident (the exported pupil or another)' })),
          linkedPupils: z.array(z.object({ name: Name, role: z.enum(linkedStudentRoles) })),
          actions: z.array(z.object({ at: z.string(), author: Name, text: z.string() })),
          statusChanges: z.array(z.object({ at: z.string(), by: Name, from: z.nullable(z.string()), to: z.string(), reason: z.string() })),
          referrals: z.array(
            z.object({
              agency: z.enum(referralAgencies),
              agencyName: z.optional(z.string()),
              madeAt: z.string(),
              responseDueAt: z.string(),
              state: z.string(),
              reference: z.optional(z.string()),
              outcome: z.optional(z.object({ at: z.string(), text: z.string() })),
            }),
          ),
        }),
    ),
  }).check(z.meta({ id: 'ChronologyExportDocument' }));

export type ChronologyExportDocument = z.infer<typeof ChronologyExportDocument>;

export const chronologyExportJsonSchema = () => z.toJSONSchema(ChronologyExportDocument, { target: 'draft-2020-12' });
