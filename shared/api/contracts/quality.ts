import type { RouteContract } from '../route-contract';
import { QualityDraft, QualityFindings, RecordingQualityQuery, RecordingQualityReport } from '../../schemas/quality';

/** quality.check */
export const qualityCheckContract = { body: QualityDraft, success: { status: 200, description: 'Findings about the draft: advice, never a block', schema: QualityFindings } } as const satisfies RouteContract;

/** reports.recordingQuality */
export const recordingQualityReportContract = {
  query: RecordingQualityQuery,
  success: { status: 200, description: 'Findings per rule per month (counts only)', schema: RecordingQualityReport },
  failures: [403],
} as const satisfies RouteContract;
