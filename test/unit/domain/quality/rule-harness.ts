import type { QualityContext, QualityFinding, QualityRule } from '../../../../shared/domain/quality/finding';
import { prepareText } from '../../../../shared/domain/quality/text/prepare-text';
import { context } from './quality-context';

/** Runs one rule on a text; returns its findings with the text each span covers. */
export function run(rule: QualityRule, text: string, overrides: Partial<QualityContext> = {}): (QualityFinding & { readonly covers?: string })[] {
  return rule(prepareText(text), context(overrides)).map((finding) => ({ ...finding, ...(finding.span ? { covers: text.slice(finding.span.start, finding.span.end) } : {}) }));
}
