import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { ValidationError } from '../../errors/lantern-error';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';
import { categoryVisibility } from '../casework/category-visibility';
import { summarise, type ReportGrouping } from './report-facts';

export interface ReportQuery {
  readonly from: string;
  readonly to: string;
  readonly groupBy: ReportGrouping;
  readonly categoryId?: string;
}

/**
 * Counts for governors, Ofsted and meetings, from the counters the casework projector keeps
 * (never from the incidents): limited to the categories open to the caller, so SLT never
 * see a count of a category closed to them, even with that category's id in the query.
 */
export async function readReportSummary(deps: Pick<Deps, 'reports' | 'categories' | 'audit' | 'clock' | 'ids'>, caller: StaffCaller, query: ReportQuery, origin: RequestOrigin) {
  const catalogue = await deps.categories.list();
  const { mayView } = categoryVisibility(caller, catalogue);
  if (query.categoryId && !mayView(query.categoryId)) throw ValidationError.forField('categoryId', 'is not a category you may report on');
  const buckets = await deps.reports.read({ from: query.from, to: query.to });
  const summary = summarise(buckets, { range: { from: query.from, to: query.to }, groupBy: query.groupBy, ...(query.categoryId ? { categoryId: query.categoryId } : {}), mayView });
  await deps.audit.record(
    auditEvent(deps, caller, origin, { action: 'report.read', recordType: 'export', recordId: `summary:${query.groupBy}`, detail: { from: query.from, to: query.to, ...(query.categoryId ? { categoryId: query.categoryId } : {}) } }),
  );
  return summary;
}
