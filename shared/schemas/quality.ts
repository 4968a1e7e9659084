import * as z from 'zod/mini';
import { extend } from './extend';
import { qualityRuleIds } from '../domain/quality/finding';
import { DESCRIPTION_MAX_CHARS } from './incident-limits';
import { id, IncidentView, isoInstant, linkedStudentRoles, PupilRef } from './incidents';
import { MAX_REPORT_MONTHS } from '../domain/quality/recording-quality-report';
import { monthCount } from '../domain/quality/month-in';

export const QualityDraft = z.strictObject({
    description: z.string().check(z.maxLength(DESCRIPTION_MAX_CHARS, `is too long (${DESCRIPTION_MAX_CHARS.toLocaleString('en-GB')} characters at most)`)),
    occurredAt: z.optional(isoInstant),
    categories: z._default(z.array(z.looseObject({ categoryId: id })).check(z.maxLength(10)), []),
    studentId: z.optional(id),
    linkedStudents: z._default(z.array(z.looseObject({ studentId: id, role: z.optional(z.enum(linkedStudentRoles)) })).check(z.maxLength(30)), []),
  }).check(z.meta({ id: 'QualityDraft', description: 'The draft as the author has it; nothing is stored or logged.' }));
export type QualityDraft = z.infer<typeof QualityDraft>;

export const QualityFinding = z.object({
    rule: z.enum(qualityRuleIds),
    severity: z.enum(['advice', 'important']),
    span: z.optional(z.object({ start: z.number().check(z.int()), end: z.number().check(z.int()) })).check(z.meta({ description: 'Offsets into the description (UTF-16), end exclusive' })),
    explanation: z.string(),
    fix: z.string(),
    pupils: z.optional(z.array(PupilRef)),
  }).check(z.meta({ id: 'QualityFinding' }));

export const QualityFindings = z.object({ findings: z.array(QualityFinding) }).check(z.meta({ id: 'QualityFindings' }));

const month = z.string().check(z.regex(/^(?:20\d\d|2[1-9]\d\d)-(?:0[1-9]|1[0-2])$/u, 'must be a month, YYYY-MM, e.g. 2026-11'));

export const RecordingQualityQuery = z.strictObject({ from: z.optional(month), to: z.optional(month) }).check(z.refine((query) => !query.from || !query.to || query.from <= query.to, { message: 'must not be after to', path: ['from'] }), z.refine((query) => !query.from || !query.to || (monthCount(query.from, query.to) ?? 0) <= MAX_REPORT_MONTHS, { message: `ask for at most ${MAX_REPORT_MONTHS} months`, path: ['from'] }), z.meta({ id: 'RecordingQualityQuery' }));

export const RecordingQualityReport = z.object({
    from: z.string(),
    to: z.string(),
    rules: z.array(z.object({ rule: z.enum(qualityRuleIds), title: z.string() })),
    months: z.array(
      z.object({
        month: z.string(),
        incidentsRecorded: z.number().check(z.int()),
        byRule: z.array(z.object({ rule: z.enum(qualityRuleIds), findings: z.number().check(z.int()), incidents: z.number().check(z.int()) })),
      }),
    ),
  }).check(z.meta({ id: 'RecordingQualityReport' }));

/** What recording answers to its author: the incident, and the findings still present at submission. */
export const RecordedIncident = extend(IncidentView, {
  qualityFindings: z.array(QualityFinding).check(z.meta({ description: 'Recording-quality advice still present when submitted; for the author only, never shown to other staff' })),
}).check(z.meta({ id: 'RecordedIncident' }));
