import { useState, type FormEvent } from 'react';
import type { Category } from '../api/types';

export interface Period {
  readonly from: string;
  readonly to: string;
  /** Empty: every category the reader may see. */
  readonly categoryId: string;
}

/** From and To dates and a category, applied together when the form is sent (the chronology and the reports). */
export function PeriodFilters({
  idPrefix,
  initial,
  categories,
  allCategoriesLabel,
  submitLabel,
  formLabel,
  onApply,
}: {
  idPrefix: string;
  initial: Period;
  categories: readonly Category[] | undefined;
  allCategoriesLabel: string;
  submitLabel: string;
  /** The form's accessible name, where the page has more than one. */
  formLabel?: string;
  onApply: (period: Period) => void;
}) {
  const [draft, setDraft] = useState(initial);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form onSubmit={apply} className="lantern-filters" {...(formLabel ? { 'aria-label': formLabel } : {})}>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`${idPrefix}-from`}>
          From
        </label>
        <input id={`${idPrefix}-from`} type="date" className="govuk-input govuk-input--width-10" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`${idPrefix}-to`}>
          To
        </label>
        <input id={`${idPrefix}-to`} type="date" className="govuk-input govuk-input--width-10" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`${idPrefix}-category`}>
          Category
        </label>
        <select id={`${idPrefix}-category`} className="govuk-select" value={draft.categoryId} onChange={(event) => setDraft({ ...draft, categoryId: event.target.value })}>
          <option value="">{allCategoriesLabel}</option>
          {(categories ?? []).map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="govuk-button">
        {submitLabel}
      </button>
    </form>
  );
}
