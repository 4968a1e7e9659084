import { useEffect, useRef } from 'react';

export interface SummaryItem {
  readonly message: string;
  /** The control the message is about, linked so keyboard users can jump to it. */
  readonly controlId?: string;
}

/** GOV.UK's error summary: focused when it appears, each item linked to its field. */
export function ErrorSummary({ items, title = 'There is a problem' }: { items: readonly SummaryItem[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // Pages build a fresh array on every render: keyed on the messages, focus moves only when
  // the errors change, not on each keystroke while the summary is showing.
  const errors = items.map((item) => `${item.controlId ?? ''}|${item.message}`).join('\n');
  useEffect(() => {
    if (errors) ref.current?.focus();
  }, [errors]);
  if (items.length === 0) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1} data-testid="error-summary">
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {items.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the summary is rebuilt whole on each submit; two messages may share a field
              <li key={index}>
                {item.controlId ? (
                  <a
                    href={`#${item.controlId}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(item.controlId!)?.focus();
                    }}
                  >
                    {item.message}
                  </a>
                ) : (
                  item.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

export function FieldError({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p className="govuk-error-message" id={`${id}-error`} data-testid={`${id}-error`}>
      <span className="govuk-visually-hidden">Error:</span> {messages.join(' ')}
    </p>
  );
}
