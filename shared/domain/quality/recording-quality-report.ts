import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';
import { qualityRuleIds, type QualityRuleId } from './finding';
import { monthIn, monthsBack, monthsBetween } from './month-in';
import { ruleTitles } from './rule-titles';

export const MAX_REPORT_MONTHS = 24;

interface MonthReport {
  readonly month: string;
  readonly incidentsRecorded: number;
  readonly byRule: readonly { readonly rule: QualityRuleId; readonly findings: number; readonly incidents: number }[];
}

/**
 * `GET /v1/reports/recording-quality`: findings per rule per month, so a school can target
 * training. Counts only (no author, pupil or text), one Query per month on the key kept for
 * it. Reading it is audited.
 */
export async function recordingQualityReport(
  deps: Pick<Deps, 'incidents' | 'audit' | 'clock' | 'ids' | 'school'>,
  caller: StaffCaller,
  query: { readonly from?: string; readonly to?: string },
  origin: RequestOrigin,
) {
  const to = query.to ?? monthIn(deps.clock.now(), deps.school.timezone);
  const from = query.from ?? monthsBack(to, 11);
  const months = monthsBetween(from, to);
  const entries = await Promise.all(months.map((month) => deps.incidents.entriesForMonth(month)));
  const report: MonthReport[] = months.map((month, index) => {
    const ofMonth = entries[index]!;
    return {
      month,
      incidentsRecorded: ofMonth.length,
      byRule: qualityRuleIds.map((rule) => ({
        rule,
        findings: ofMonth.reduce((sum, entry) => sum + (entry.counts[rule] ?? 0), 0),
        incidents: ofMonth.filter((entry) => (entry.counts[rule] ?? 0) > 0).length,
      })),
    };
  });
  await deps.audit.record(auditEvent(deps, caller, origin, { action: 'report.recordingQuality', recordType: 'report', recordId: 'recording-quality', detail: { from, to } }));
  return { from, to, rules: qualityRuleIds.map((rule) => ({ rule, title: ruleTitles[rule] })), months: report };
}
