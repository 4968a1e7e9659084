import { useEffect, useMemo, useState } from 'react';
import type { LanternApi } from '../api/client';
import type { QualityDraftBody, QualityFinding } from '../api/types';
import { excerptOf, findingKey, QUALITY_CHECK_PAUSE_MS } from '../record/quality-advice';

/**
 * Recording-quality advice beside "What happened" (issue 14): checked when the author
 * pauses typing, an older check cancelled by a newer one; each finding shows its words
 * highlighted, why, and what to write instead. Advice only: it never stops submission.
 */
export function QualityAdvice({ api, draft, textareaId }: { api: LanternApi; draft: QualityDraftBody; textareaId: string }) {
  const [findings, setFindings] = useState<QualityFinding[]>([]);
  const [checkedText, setCheckedText] = useState('');
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const request = JSON.stringify(draft);

  useEffect(() => {
    const body = JSON.parse(request) as QualityDraftBody;
    if (body.description.trim().length === 0) {
      setFindings([]);
      return undefined;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.checkQuality(body, controller.signal).then(
        (found) => {
          setFindings(found);
          setCheckedText(body.description);
        },
        () => undefined,
      );
    }, QUALITY_CHECK_PAUSE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [api, request]);

  const shown = useMemo(() => findings.filter((finding) => !dismissed.has(findingKey(finding, checkedText))), [findings, dismissed, checkedText]);

  const showInText = (span: { start: number; end: number }) => {
    const box = document.getElementById(textareaId) as HTMLTextAreaElement | null;
    box?.focus();
    box?.setSelectionRange(span.start, span.end);
  };

  return (
    <aside className="lantern-quality" aria-labelledby="quality-heading" data-testid="quality-advice">
      <h2 className="govuk-heading-s" id="quality-heading">
        Recording advice
      </h2>
      <p className="govuk-body-s lantern-quality__hint">Advice from the school's recording guidance as you write. It never stops you submitting.</p>
      <div aria-live="polite">
        {shown.length === 0 ? (
          <p className="govuk-body-s">{checkedText ? 'No advice on this draft.' : 'Advice appears when you pause typing.'}</p>
        ) : (
          <ul className="govuk-list lantern-quality__list">
            {shown.map((finding) => {
              const excerpt = finding.span ? excerptOf(checkedText, finding.span) : undefined;
              return (
                <li key={`${findingKey(finding, checkedText)}-${finding.span?.start ?? 'all'}`} className={`lantern-quality__finding lantern-quality__finding--${finding.severity}`} data-rule={finding.rule}>
                  <strong className={`govuk-tag ${finding.severity === 'important' ? 'govuk-tag--orange' : 'govuk-tag--blue'}`}>{finding.severity === 'important' ? 'Important' : 'Advice'}</strong>
                  {excerpt && (
                    <p className="govuk-body-s lantern-quality__excerpt">
                      {excerpt.before}
                      <mark data-testid="quality-span">{excerpt.marked}</mark>
                      {excerpt.after}
                    </p>
                  )}
                  <p className="govuk-body-s">{finding.explanation}</p>
                  <p className="govuk-body-s">
                    <strong>Try: </strong>
                    {finding.fix}
                  </p>
                  {finding.pupils && finding.pupils.length > 0 && (
                    <p className="govuk-body-s">On the roll: {finding.pupils.map((pupil) => `${pupil.name} (${pupil.yearGroup})`).join(', ')}</p>
                  )}
                  <div className="govuk-button-group">
                    {finding.span && (
                      <button type="button" className="govuk-button govuk-button--secondary lantern-quality__button" onClick={() => showInText(finding.span!)}>
                        Show in text
                      </button>
                    )}
                    <button type="button" className="govuk-button govuk-button--secondary lantern-quality__button" onClick={() => setDismissed((current) => new Set([...current, findingKey(finding, checkedText)]))}>
                      Dismiss<span className="govuk-visually-hidden"> this advice</span>
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </aside>
  );
}
