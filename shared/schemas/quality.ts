import * as z from 'zod';
import { qualityRuleIds } from '../domain/quality/finding';
import { DESCRIPTION_MAX_CHARS } from './incident-limits';
import { id, IncidentView, isoInstant, linkedStudentRoles, PupilRef } from './incidents';
import { MAX_REPORT_MONTHS } from '../domain/quality/recording-quality-report';
import { monthCount } from '../domain/quality/month-in';

export const QualityDraft = z
  .object({
    description: z.string().max(DESCRIPTION_MAX_CHARS, `is too long (${DESCRIPTION_MAX_CHARS.toLocaleString('en-GB')} characters at most)`),
    occurredAt: isoInstant.optional(),
    categories: z.array(z.object({ categoryId: id }).loose()).max(10).default([]),
    studentId: id.optional(),
    linkedStudents: z
      .array(z.object({ studentId: id, role: z.enum(linkedStudentRoles).optional() }).loose())
      .max(30)
      .default([]),
  })
  .strict()
  .meta({ id: 'QualityDraft', description: 'The draft as the author has it; nothing is stored or logged.' });
export type QualityDraft = z.infer<typeof QualityDraft>;

export const QualityFinding = z
  .object({
    rule: z.enum(qualityRuleIds),
    severity: z.enum(['advice', 'important']),
    span: z.object({ start: z.number().int(), end: z.number().int() }).optional().meta({ description: 'Offsets into the description (UTF-16), end exclusive' }),
    explanation: z.string(),
    fix: z.string(),
    pupils: z.array(PupilRef).optional(),
  })
  .meta({ id: 'QualityFinding' });

export const QualityFindings = z.object({ findings: z.array(QualityFinding) }).meta({ id: 'QualityFindings' });

const month = z.string().regex(/^(?:20\d\d|2[1-9]\d\d)-(?:0[1-9]|1[0-2])$/u, 'must be a month, YYYY-MM, e.g. 2026-11');

export const RecordingQualityQuery = z
  .object({ from: month.optional(), to: month.optional() })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: 'must not be after to', path: ['from'] })
  .refine((query) => !query.from || !query.to || (monthCount(query.from, query.to) ?? 0) <= MAX_REPORT_MONTHS, { message: `ask for at most ${MAX_REPORT_MONTHS} months`, path: ['from'] })
  .meta({ id: 'RecordingQualityQuery' });

export const RecordingQualityReport = z
  .object({
    from: z.string(),
    to: z.string(),
    rules: z.array(z.object({ rule: z.enum(qualityRuleIds), title: z.string() })),
    months: z.array(
      z.object({
        month: z.string(),
        incidentsRecorded: z.number().int(),
        byRule: z.array(z.object({ rule: z.enum(qualityRuleIds), findings: z.number().int(), incidents: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'RecordingQualityReport' });

/** What recording answers to its author: the incident, and the findings still present at submission. */
export const RecordedIncident = IncidentView.extend({
  qualityFindings: z.array(QualityFinding).meta({ description: 'Recording-quality advice still present when submitted; for the author only, never shown to other staff' }),
}).meta({ id: 'RecordedIncident' });
