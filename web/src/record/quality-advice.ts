import type { NewIncidentBody, QualityDraftBody, QualityFinding } from '../api/types';

/** How long the author must pause typing before the draft is checked. */
export const QUALITY_CHECK_PAUSE_MS = 700;

/** The part of the draft the checker reads, from the body the form would submit. */
export function qualityDraftOf(body: NewIncidentBody): QualityDraftBody {
  return {
    description: body.description,
    ...(body.occurredAt ? { occurredAt: body.occurredAt } : {}),
    categories: body.categories.map((category) => ({ categoryId: category.categoryId })),
    ...(body.studentId ? { studentId: body.studentId } : {}),
    linkedStudents: (body.linkedStudents ?? []).map((linked) => ({ studentId: linked.studentId })),
  };
}

/** Identifies a finding across re-checks by its rule and the words it is about, so a dismissal sticks while they stay. */
export function findingKey(finding: QualityFinding, text: string): string {
  return finding.span ? `${finding.rule}:${text.slice(finding.span.start, finding.span.end).toLowerCase()}` : finding.rule;
}

export interface Excerpt {
  readonly before: string;
  readonly marked: string;
  readonly after: string;
}

/** The finding's words with a little text either side, for highlighting beside the box. */
export function excerptOf(text: string, span: { start: number; end: number }, around = 30): Excerpt | undefined {
  if (span.start < 0 || span.end > text.length || span.start >= span.end) return undefined;
  const from = Math.max(0, span.start - around);
  const to = Math.min(text.length, span.end + around);
  return {
    before: `${from > 0 ? '…' : ''}${text.slice(from, span.start)}`,
    marked: text.slice(span.start, span.end),
    after: `${text.slice(span.end, to)}${to < text.length ? '…' : ''}`,
  };
}
