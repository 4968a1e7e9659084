import type { Incident, StoredQualityFinding } from '../incidents/incident';
import type { RecordedQuality } from '../ports';
import type { QualityFinding, QualityRuleId } from './finding';
import { monthIn } from './month-in';

/** At most this many findings are kept with an incident: a bounded addition to its one item. */
const MAX_STORED_FINDINGS = 100;

/** The findings as stored with the incident: rule, severity, span; no explanation, no pupils. */
export function storedFindings(findings: readonly QualityFinding[]): StoredQualityFinding[] {
  return findings.slice(0, MAX_STORED_FINDINGS).map((finding) => ({
    rule: finding.rule,
    severity: finding.severity,
    ...(finding.span ? { start: finding.span.start, end: finding.span.end } : {}),
  }));
}

/** The per-rule counts the month's report reads, under the month it was recorded in the school's time. */
export function recordedQuality(incident: Pick<Incident, 'recordedAt'>, findings: readonly QualityFinding[], timezone: string): RecordedQuality {
  const counts: Partial<Record<QualityRuleId, number>> = {};
  for (const finding of findings) counts[finding.rule] = (counts[finding.rule] ?? 0) + 1;
  return { month: monthIn(new Date(incident.recordedAt), timezone), counts };
}
