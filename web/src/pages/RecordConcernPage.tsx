import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useSession } from '../app/session';
import { Link } from '../app/router';
import { asApiError, type ApiError } from '../api/api-error';
import type { AlertGroup, Category, Incident } from '../api/types';
import { BodyMap } from '../components/BodyMap';
import { ErrorSummary, FieldError, type SummaryItem } from '../components/ErrorSummary';
import { StaffChips } from '../components/StaffChips';
import { Typeahead, type Option } from '../components/Typeahead';
import { useStaffSearch } from '../components/use-staff-search';
import { addMark, clearDraft, linkedRoles, loadOrCreateDraft, removeMark, saveDraft, toggleCategory, toRequestBody, updateCategory, withMember, type Draft, type LinkedRole, type PupilRef } from '../record/draft';
import { issuesByControl } from '../record/field-errors';
import { qualityDraftOf } from '../record/quality-advice';
import { QualityAdvice } from '../components/QualityAdvice';
import { FilePicker } from '../components/FilePicker';
import { useUploads, type UploadedFile } from '../files/use-uploads';

const newKey = () => crypto.randomUUID();

/**
 * "Add Incident" (seeds 001 and 004). Everything typed is kept in sessionStorage as it is
 * typed; Enter never submits; submitting asks once more, because a recorded incident is final.
 */
export function RecordConcernPage() {
  const { api, school } = useSession();
  const [draft, setDraftState] = useState<Draft>(() => loadOrCreateDraft(window.sessionStorage, new Date(), newKey));
  const [categories, setCategories] = useState<Category[]>([]);
  const [groups, setGroups] = useState<AlertGroup[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [apiError, setApiError] = useState<ApiError>();
  const [recorded, setRecorded] = useState<Incident>();
  const confirmRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    api.categories().then((list) => setCategories(list.categories), () => undefined);
    api.alertGroups().then(setGroups, () => undefined);
  }, [api]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (recorded) doneRef.current?.focus();
  }, [recorded]);

  const update = useCallback((change: (current: Draft) => Draft) => {
    setDraftState((current) => {
      const next = change(current);
      saveDraft(window.sessionStorage, next);
      return next;
    });
  }, []);

  const attachUploaded = useCallback((file: UploadedFile) => update((current) => ({ ...current, files: [...(current.files ?? []), file] })), [update]);
  const uploads = useUploads(api, draft.files?.length ?? 0, attachUploaded);

  const chosenCategoryIds = useMemo(() => Object.keys(draft.categories), [draft.categories]);
  const qualityDraft = useMemo(() => qualityDraftOf(toRequestBody(draft, () => [])), [draft]);
  const { byControl, unplaced } = useMemo(() => issuesByControl(apiError?.issues ?? [], (index) => chosenCategoryIds[index]), [apiError, chosenCategoryIds]);
  const errorsFor = (controlId: string) => byControl.get(controlId);
  const summary: SummaryItem[] = apiError
    ? [
        ...[...byControl.entries()].flatMap(([controlId, messages]) => messages.map((message) => ({ message, controlId }))),
        ...unplaced.map((message) => ({ message })),
        ...(apiError.issues.length === 0 ? [{ message: apiError.message }] : []),
      ]
    : [];

  const searchPupils = useCallback(
    async (text: string): Promise<Option<PupilRef>[]> =>
      (await api.searchPupils(text)).map((pupil) => ({
        key: pupil.id,
        label: `${pupil.name} — ${pupil.yearGroup}, ${pupil.className}`,
        value: { id: pupil.id, name: pupil.name, yearGroup: pupil.yearGroup, className: pupil.className },
      })),
    [api],
  );
  const searchStaff = useStaffSearch();

  // Seed 001: "DO NOT press enter … as this will add your incident before you have completed".
  const preventEnterSubmit = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target.tagName !== 'TEXTAREA' && target.tagName !== 'BUTTON' && target.tagName !== 'A') event.preventDefault();
  };

  const [waitForUploads, setWaitForUploads] = useState(false);
  const askToConfirm = (event: FormEvent) => {
    event.preventDefault();
    // A file still on its way would be left out: wait for it (or remove it) first.
    setWaitForUploads(uploads.busy);
    if (!uploads.busy) setConfirming(true);
  };

  const submit = async () => {
    setSubmitting(true);
    setApiError(undefined);
    try {
      const body = toRequestBody(draft, (categoryId) => categories.find((category) => category.id === categoryId)?.fields ?? []);
      const incident = await api.recordIncident(body, draft.idempotencyKey);
      clearDraft(window.sessionStorage);
      uploads.clear();
      setRecorded(incident);
    } catch (caught) {
      setApiError(asApiError(caught, 'Something went wrong. Try again; nothing was lost.'));
      setConfirming(false);
    } finally {
      setSubmitting(false);
    }
  };

  const startAnother = () => {
    setRecorded(undefined);
    setDraftState(loadOrCreateDraft(window.sessionStorage, new Date(), newKey));
  };

  if (recorded) {
    return (
      <div className="govuk-panel govuk-panel--confirmation" ref={doneRef} tabIndex={-1} data-testid="confirmation">
        <h1 className="govuk-panel__title">Concern recorded</h1>
        <div className="govuk-panel__body">
          About {recorded.student.name}
          <br />
          Reference <strong>{recorded.id}</strong>
        </div>
        <p className="govuk-body govuk-!-margin-top-4">
          <Link to={`/incidents/${encodeURIComponent(recorded.id)}`} className="govuk-link govuk-link--inverse">
            Read the incident
          </Link>{' '}
          ·{' '}
          <Link to="/" className="govuk-link govuk-link--inverse">
            Back to your dashboard
          </Link>{' '}
          ·{' '}
          <button type="button" className="govuk-button govuk-button--inverse govuk-!-margin-bottom-0" onClick={startAnother}>
            Record another concern
          </button>
        </p>
      </div>
    );
  }

  const inputClass = (controlId: string, base = 'govuk-input') => `${base}${errorsFor(controlId) ? ` ${base}--error` : ''}`;
  const groupClass = (controlId: string) => `govuk-form-group${errorsFor(controlId) ? ' govuk-form-group--error' : ''}`;
  const describe = (controlId: string, hint?: boolean) => [hint ? `${controlId}-hint` : undefined, errorsFor(controlId) ? `${controlId}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <>
      <ErrorSummary items={summary} />
      <h1 className="govuk-heading-l" tabIndex={-1} ref={headingRef}>
        Record a concern
      </h1>
      <p className="govuk-body">What you type is kept on this device until you submit it or sign out, so a reload loses nothing.</p>
      <form onSubmit={askToConfirm} onKeyDown={preventEnterSubmit} noValidate data-testid="record-form">
        <div className={groupClass('pupil')} id="pupil-group">
          <FieldError id="pupil" messages={errorsFor('pupil')} />
          {draft.pupil ? (
            <div>
              <p className="govuk-label govuk-!-font-weight-bold">Pupil</p>
              <p className="govuk-body" data-testid="chosen-pupil">
                {draft.pupil.name} — {draft.pupil.yearGroup}, {draft.pupil.className}{' '}
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" id="pupil" onClick={() => update((current) => ({ ...current, pupil: undefined }))}>
                  Change pupil
                </button>
              </p>
            </div>
          ) : (
            <Typeahead id="pupil" label="Pupil" hint="Start typing the pupil's first name or surname" search={searchPupils} onChoose={(pupil) => update((current) => ({ ...current, pupil }))} errorId={errorsFor('pupil') ? 'pupil-error' : undefined} />
          )}
        </div>

        <div className={groupClass('description')}>
          <label className="govuk-label govuk-label--m" htmlFor="description">
            What happened
          </label>
          <div className="govuk-hint" id="description-hint">
            Write full, clear sentences. Give your name and job title the first time you write “I”. Write exactly what was said, with no abbreviations. Use pupils' full names. Facts, not opinions.
          </div>
          <FieldError id="description" messages={errorsFor('description')} />
          <textarea
            className={inputClass('description', 'govuk-textarea')}
            id="description"
            rows={8}
            aria-describedby={describe('description', true)}
            value={draft.description}
            onChange={(event) => update((current) => ({ ...current, description: event.target.value }))}
          />
        </div>
        <QualityAdvice api={api} draft={qualityDraft} textareaId="description" />

        <div className={groupClass('categories')} id="categories" tabIndex={-1}>
          <fieldset className="govuk-fieldset" aria-describedby="categories-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Categories</legend>
            <div className="govuk-hint" id="categories-hint">
              Choose one or more. If you are not sure, choose your best fit: a DSL can change it.
            </div>
            <FieldError id="categories" messages={errorsFor('categories')} />
            <div className="govuk-checkboxes govuk-checkboxes--small">
              {categories
                .filter((category) => category.mayApply)
                .map((category) => {
                  const choice = draft.categories[category.id];
                  return (
                    <div key={category.id}>
                      <div className="govuk-checkboxes__item">
                        <input
                          className="govuk-checkboxes__input"
                          id={`category-${category.id}`}
                          type="checkbox"
                          checked={Boolean(choice)}
                          aria-describedby={`category-${category.id}-guidance`}
                          onChange={(event) => update((current) => toggleCategory(current, category.id, event.target.checked))}
                        />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={`category-${category.id}`}>
                          {category.name}
                        </label>
                        <div className="govuk-hint govuk-checkboxes__hint" id={`category-${category.id}-guidance`}>
                          When to use: {category.guidance}
                        </div>
                      </div>
                      {choice && (category.subCategories.length > 0 || category.fields.length > 0) && (
                        <div className="govuk-checkboxes__conditional">
                          {category.subCategories.length > 0 && (
                            <fieldset className="govuk-fieldset govuk-!-margin-bottom-4">
                              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{category.name}: sub-categories</legend>
                              <div className="govuk-checkboxes govuk-checkboxes--small">
                                {category.subCategories.map((sub) => (
                                  <div className="govuk-checkboxes__item" key={sub.id}>
                                    <input
                                      className="govuk-checkboxes__input"
                                      id={`category-${category.id}-sub-${sub.id}`}
                                      type="checkbox"
                                      checked={choice.subCategoryIds.includes(sub.id)}
                                      onChange={(event) =>
                                        update((current) =>
                                          updateCategory(current, category.id, (existing) => ({
                                            ...existing,
                                            subCategoryIds: event.target.checked ? [...existing.subCategoryIds, sub.id] : existing.subCategoryIds.filter((id) => id !== sub.id),
                                          })),
                                        )
                                      }
                                    />
                                    <label className="govuk-label govuk-checkboxes__label" htmlFor={`category-${category.id}-sub-${sub.id}`}>
                                      {sub.name}
                                    </label>
                                  </div>
                                ))}
                              </div>
                            </fieldset>
                          )}
                          {category.fields.map((field) => (
                            <CategoryField key={field.id} category={category} field={field} draft={draft} update={update} errors={errorsFor(`category-${category.id}-field-${field.id}`)} />
                          ))}
                        </div>
                      )}
                    </div>
                  );
                })}
            </div>
          </fieldset>
        </div>

        <div className={groupClass('occurredAt')}>
          <label className="govuk-label govuk-label--m" htmlFor="occurredAt">
            When it happened
          </label>
          <div className="govuk-hint" id="occurredAt-hint">
            Date and time. It starts at now; change it if it happened earlier. It cannot be in the future.
          </div>
          <FieldError id="occurredAt" messages={errorsFor('occurredAt')} />
          <input
            className={inputClass('occurredAt')}
            id="occurredAt"
            type="datetime-local"
            aria-describedby={describe('occurredAt', true)}
            value={draft.occurredAt}
            onChange={(event) => update((current) => ({ ...current, occurredAt: event.target.value }))}
          />
        </div>

        <div className={groupClass('location')}>
          <label className="govuk-label govuk-label--m" htmlFor="location">
            Where it happened
          </label>
          <FieldError id="location" messages={errorsFor('location')} />
          <select className={inputClass('location', 'govuk-select')} id="location" aria-describedby={describe('location')} value={draft.location} onChange={(event) => update((current) => ({ ...current, location: event.target.value }))}>
            <option value="">Not given</option>
            {school?.locations.map((location) => (
              <option key={location} value={location}>
                {location}
              </option>
            ))}
          </select>
        </div>

        <div className={groupClass('linked')} id="linked" tabIndex={-1}>
          <h2 className="govuk-heading-m">Linked pupils</h2>
          <p className="govuk-hint">Only pupils who were part of the same incident. A pupil who was hurt or upset needs their own record.</p>
          <FieldError id="linked" messages={errorsFor('linked')} />
          {draft.linked.map((linked, index) => (
            <div className={groupClass(`linked-${index}`)} key={linked.pupil.id} id={`linked-${index}`} tabIndex={-1}>
              <FieldError id={`linked-${index}`} messages={errorsFor(`linked-${index}`)} />
              <label className="govuk-label" htmlFor={`linked-${index}-role`}>
                Role of {linked.pupil.name} ({linked.pupil.yearGroup}, {linked.pupil.className})
              </label>
              <select
                className="govuk-select"
                id={`linked-${index}-role`}
                value={linked.role}
                onChange={(event) => update((current) => ({ ...current, linked: current.linked.map((each, position) => (position === index ? { ...each, role: event.target.value as LinkedRole } : each)) }))}
              >
                {linkedRoles.map((role) => (
                  <option key={role.value} value={role.value}>
                    {role.label}
                  </option>
                ))}
              </select>{' '}
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => update((current) => ({ ...current, linked: current.linked.filter((_, position) => position !== index) }))}>
                Remove {linked.pupil.name}
              </button>
            </div>
          ))}
          <Typeahead
            id="linked-search"
            label="Add a linked pupil"
            search={searchPupils}
            onChoose={(pupil) =>
              update((current) => (current.linked.some((each) => each.pupil.id === pupil.id) || current.pupil?.id === pupil.id ? current : { ...current, linked: [...current.linked, { pupil, role: 'involved' }] }))
            }
          />
        </div>

        <BodyMap
          marks={draft.marks}
          onAdd={(mark) => update((current) => addMark(current, mark))}
          onDescribe={(index, description) => update((current) => ({ ...current, marks: current.marks.map((mark, position) => (position === index ? { ...mark, description } : mark)) }))}
          onRemove={(index) => update((current) => removeMark(current, index))}
          errors={errorsFor}
        />

        <div className={groupClass('alert')} id="alert" tabIndex={-1}>
          <h2 className="govuk-heading-m">Alert staff</h2>
          <p className="govuk-hint">They see it on their dashboard and get an email that names neither the pupil nor what you wrote.</p>
          <FieldError id="alert" messages={errorsFor('alert')} />
          <StaffChips people={draft.alertStaff} noun="alert" onRemove={(id) => update((current) => ({ ...current, alertStaff: current.alertStaff.filter((member) => member.id !== id) }))} />
          <Typeahead id="alert-staff" label="Alert a member of staff" search={searchStaff} onChoose={(member) => update((current) => ({ ...current, alertStaff: withMember(current.alertStaff, member) }))} />
          <fieldset className="govuk-fieldset govuk-!-margin-top-4">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Alert groups</legend>
            <div className="govuk-checkboxes govuk-checkboxes--small">
              {groups.map((group) => (
                <div className="govuk-checkboxes__item" key={group.id}>
                  <input
                    className="govuk-checkboxes__input"
                    id={`group-${group.id}`}
                    type="checkbox"
                    checked={draft.alertGroupIds.includes(group.id)}
                    onChange={(event) =>
                      update((current) => ({ ...current, alertGroupIds: event.target.checked ? [...current.alertGroupIds, group.id] : current.alertGroupIds.filter((id) => id !== group.id) }))
                    }
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={`group-${group.id}`}>
                    {group.name} ({group.memberCount})
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>

        <div className={groupClass('assigned')} id="assigned" tabIndex={-1}>
          <h2 className="govuk-heading-m">Assign to</h2>
          <FieldError id="assigned" messages={errorsFor('assigned')} />
          <StaffChips people={draft.assigned} noun="assignment" onRemove={(id) => update((current) => ({ ...current, assigned: current.assigned.filter((member) => member.id !== id) }))} />
          <Typeahead id="assign-staff" label="Assign to a member of staff (optional)" search={searchStaff} onChoose={(member) => update((current) => ({ ...current, assigned: withMember(current.assigned, member) }))} />
        </div>

        <div className={groupClass('agencies')}>
          <label className="govuk-label govuk-label--m" htmlFor="agencies">
            Agencies involved
          </label>
          <div className="govuk-hint" id="agencies-hint">
            Optional. One a line, for example “Children's social care”.
          </div>
          <FieldError id="agencies" messages={errorsFor('agencies')} />
          <textarea className={inputClass('agencies', 'govuk-textarea')} id="agencies" rows={2} aria-describedby={describe('agencies', true)} value={draft.agencies} onChange={(event) => update((current) => ({ ...current, agencies: event.target.value }))} />
        </div>

        <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Add to my planner</legend>
          <div className={groupClass('reminderAt')}>
            <label className="govuk-label" htmlFor="reminderAt">
              Remind me on (optional)
            </label>
            <FieldError id="reminderAt" messages={errorsFor('reminderAt')} />
            <input className={inputClass('reminderAt')} id="reminderAt" type="datetime-local" aria-describedby={describe('reminderAt')} value={draft.reminderAt} onChange={(event) => update((current) => ({ ...current, reminderAt: event.target.value }))} />
          </div>
          <div className={groupClass('reminderNote')}>
            <label className="govuk-label" htmlFor="reminderNote">
              Reminder note
            </label>
            <FieldError id="reminderNote" messages={errorsFor('reminderNote')} />
            <input className={inputClass('reminderNote')} id="reminderNote" type="text" value={draft.reminderNote} onChange={(event) => update((current) => ({ ...current, reminderNote: event.target.value }))} />
          </div>
        </fieldset>

        <FilePicker
          id="files"
          label="Attach files (optional)"
          uploads={uploads}
          uploaded={draft.files ?? []}
          onRemove={(fileId) => update((current) => ({ ...current, files: (current.files ?? []).filter((file) => file.id !== fileId) }))}
          errors={errorsFor('files')}
        />

        {waitForUploads && uploads.busy && (
          <p className="govuk-error-message" role="alert">
            Wait for the files to finish uploading, or remove them, then add the incident.
          </p>
        )}
        {!confirming && (
          <button type="submit" className="govuk-button" id="review" data-testid="review">
            Add incident
          </button>
        )}
      </form>
      {confirming && (
        <div className="govuk-warning-text" ref={confirmRef} tabIndex={-1} data-testid="confirm">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            <p className="govuk-body govuk-!-font-weight-bold">Submitting is final. Once recorded, the pupil and what you wrote cannot be changed; later information goes in an action.</p>
            <div className="govuk-button-group">
              <button type="button" className="govuk-button" disabled={submitting} aria-disabled={submitting} id="submit" onClick={() => void submit()} data-testid="submit">
                Submit the incident
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setConfirming(false)}>
                Go back and check
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}

function CategoryField({
  category,
  field,
  draft,
  update,
  errors,
}: {
  category: Category;
  field: Category['fields'][number];
  draft: Draft;
  update: (change: (current: Draft) => Draft) => void;
  errors: readonly string[] | undefined;
}) {
  const id = `category-${category.id}-field-${field.id}`;
  const value = draft.categories[category.id]?.fields[field.id];
  const setValue = (next: string | readonly string[]) =>
    update((current) => updateCategory(current, category.id, (existing) => ({ ...existing, fields: { ...existing.fields, [field.id]: next } })));
  const label = `${field.label}${field.required ? '' : ' (optional)'}`;
  if (field.kind === 'multiSelect') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <div className={`govuk-form-group${errors ? ' govuk-form-group--error' : ''}`} id={id} tabIndex={-1}>
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
          <FieldError id={id} messages={errors} />
          <div className="govuk-checkboxes govuk-checkboxes--small">
            {(field.options ?? []).map((option, index) => (
              <div className="govuk-checkboxes__item" key={option}>
                <input
                  className="govuk-checkboxes__input"
                  id={`${id}-${index}`}
                  type="checkbox"
                  checked={chosen.includes(option)}
                  onChange={(event) => setValue(event.target.checked ? [...chosen, option] : chosen.filter((each) => each !== option))}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`${id}-${index}`}>
                  {option}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    );
  }
  return (
    <div className={`govuk-form-group${errors ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
        {field.kind === 'minutes' ? ' (minutes)' : ''}
      </label>
      <FieldError id={id} messages={errors} />
      <input
        className={`govuk-input${field.kind === 'minutes' ? ' govuk-input--width-5' : ''}${errors ? ' govuk-input--error' : ''}`}
        id={id}
        type="text"
        inputMode={field.kind === 'minutes' ? 'numeric' : undefined}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => setValue(event.target.value)}
      />
    </div>
  );
}

