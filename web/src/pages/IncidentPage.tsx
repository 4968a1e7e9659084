import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useSession } from '../app/session';
import { ApiError, asApiError } from '../api/api-error';
import { useLoad } from '../components/use-load';
import { formatDateTime, roleLabel } from '../components/format';
import { Typeahead } from '../components/Typeahead';
import { FieldError } from '../components/ErrorSummary';
import { StaffChips } from '../components/StaffChips';
import { useStaffSearch } from '../components/use-staff-search';
import { withMember, type StaffRef } from '../record/draft';
import { AttachedFiles } from '../components/AttachedFiles';
import { FilePicker } from '../components/FilePicker';
import { useUploads, type UploadedFile } from '../files/use-uploads';
import { IncidentCasework } from '../casework/IncidentCasework';
import { Link } from '../app/router';
import { mayUse } from '../app/may-use';

const BECAUSE: Record<string, string> = {
  author: 'you wrote it',
  alerted: 'you were alerted to it',
  assigned: 'it is assigned to you',
  tagged: 'you were tagged in an action on it',
  elevated: 'you are elevated and may view its categories',
};

/** An incident as the caller may see it, its actions, and adding an action that tags staff. */
export function IncidentPage({ incidentId }: { incidentId: string }) {
  const { api, me } = useSession();
  const { data: incident, error, reload } = useLoad(() => api.incident(incidentId), [api, incidentId]);
  // The pupil's file is an elevated DSL's or SLT member's (the API decides; this only offers the link).
  const readsPupilFiles = mayUse(me, 'students.read');
  const [text, setText] = useState('');
  const [tagged, setTagged] = useState<readonly StaffRef[]>([]);
  const [actionError, setActionError] = useState<ApiError>();
  const [added, setAdded] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to the heading when another incident loads, not when this one reloads
  useEffect(() => {
    if (incident) heading.current?.focus();
  }, [incident?.id]);

  const searchStaff = useStaffSearch();
  const [actionFiles, setActionFiles] = useState<readonly UploadedFile[]>([]);
  const attachUploaded = useCallback((file: UploadedFile) => setActionFiles((current) => [...current, file]), []);
  const uploads = useUploads(api, actionFiles.length, attachUploaded);

  const addAction = async (event: FormEvent) => {
    event.preventDefault();
    setActionError(undefined);
    setAdded(false);
    if (uploads.busy) {
      setActionError(new ApiError(0, 'uploading', 'Wait for the files to finish uploading, or remove them, then add the action.'));
      return;
    }
    try {
      await api.addAction(incidentId, { text, taggedStaffIds: tagged.map((member) => member.id), ...(actionFiles.length > 0 ? { fileIds: actionFiles.map((file) => file.id) } : {}) });
      setText('');
      setTagged([]);
      setActionFiles([]);
      uploads.clear();
      setAdded(true);
      await reload();
    } catch (caught) {
      setActionError(asApiError(caught, 'That did not work. Try again.'));
    }
  };

  if (error) {
    return (
      <>
        <h1 className="govuk-heading-l">Incident</h1>
        <p className="govuk-body">{error.status === 404 ? 'There is no such incident, or it is not shared with you.' : error.message}</p>
      </>
    );
  }
  if (!incident) return <p className="govuk-body">Loading…</p>;

  const textErrors = actionError?.issues.filter((issue) => issue.field === 'text').map((issue) => issue.message);
  const tagErrors = actionError?.issues.filter((issue) => issue.field.startsWith('taggedStaffIds')).map((issue) => issue.message);
  const fileErrors = actionError?.issues.filter((issue) => issue.field.startsWith('fileIds')).map((issue) => issue.message);
  const otherError = actionError && actionError.issues.length === 0 ? actionError.message : undefined;

  return (
    <>
      <span className="govuk-caption-l">Incident {incident.id}</span>
      <h1 className="govuk-heading-l" tabIndex={-1} ref={heading}>
        {incident.student.name} — {incident.student.yearGroup}, {incident.student.className}
      </h1>
      {readsPupilFiles && (
        <p className="govuk-body" data-testid="pupil-file-links">
          <Link to={`/pupils/${encodeURIComponent(incident.student.id)}`}>{incident.student.name}’s file and chronology</Link>
          {incident.linkedStudents.map((linked) => (
            <span key={linked.id}>
              {' · '}
              <Link to={`/pupils/${encodeURIComponent(linked.id)}`}>{linked.name}’s file</Link>
            </span>
          ))}
        </p>
      )}
      <p className="govuk-body lantern-because" data-testid="seen-because">
        You can see this because {incident.seenBecause.map((reason) => BECAUSE[reason] ?? reason).join(' and ')}.
      </p>
      <dl className="govuk-summary-list">
        <Row term="When it happened" value={`${formatDateTime(incident.occurredAt)} (${incident.session.replace('_', ' ')})`} />
        <Row term="Recorded" value={`${formatDateTime(incident.recordedAt)} by ${incident.author.name}${incident.author.jobTitle ? `, ${incident.author.jobTitle}` : ''}`} />
        {incident.location && <Row term="Where" value={incident.location} />}
        <Row
          term="Categories"
          value={incident.categories
            .map((category) => `${category.name}${category.subCategories.length ? ` (${category.subCategories.map((sub) => sub.name).join(', ')})` : ''}`)
            .join('; ')}
        />
        {incident.linkedStudents.length > 0 && <Row term="Linked pupils" value={incident.linkedStudents.map((linked) => `${linked.name} (${roleLabel(linked.role)})`).join(', ')} testId="linked-pupils" />}
        {incident.alerted.staff.length + incident.alerted.groups.length > 0 && (
          <Row term="Alerted" value={[...incident.alerted.staff.map((member) => member.name), ...incident.alerted.groups.map((group) => group.name)].join(', ')} />
        )}
        {incident.assignedTo.length > 0 && <Row term="Assigned to" value={incident.assignedTo.map((member) => member.name).join(', ')} />}
        {incident.agencies.length > 0 && <Row term="Agencies" value={incident.agencies.join(', ')} />}
        {incident.reminder && <Row term="Your reminder" value={`${formatDateTime(incident.reminder.at)}${incident.reminder.note ? `: ${incident.reminder.note}` : ''}`} />}
        <Row term="Status" value={incident.status === 'active' ? 'Active' : 'Closed'} />
      </dl>
      <h2 className="govuk-heading-m">What happened</h2>
      <div className="govuk-body" data-testid="incident-description">
        {incident.description.split('\n').map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a submitted description never changes, so its lines never reorder
          <p className="govuk-body" key={index}>
            {line}
          </p>
        ))}
      </div>
      {incident.categories.some((category) => Object.keys(category.fields).length > 0) && (
        <>
          <h2 className="govuk-heading-m">Category details</h2>
          <dl className="govuk-summary-list">
            {incident.categories.flatMap((category) =>
              Object.entries(category.fields).map(([field, value]) => <Row key={`${category.categoryId}-${field}`} term={`${category.name}: ${field}`} value={Array.isArray(value) ? value.join(', ') : String(value)} />),
            )}
          </dl>
        </>
      )}
      {incident.files.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Files</h2>
          <AttachedFiles api={api} files={incident.files} testId="incident-files" onRecheck={() => void reload()} />
        </>
      )}
      {incident.bodyMap.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Body map</h2>
          <ol className="govuk-list govuk-list--number" data-testid="incident-marks">
            {incident.bodyMap.map((mark) => (
              <li key={mark.number}>
                Mark {mark.number} ({mark.side}): {mark.description}
              </li>
            ))}
          </ol>
        </>
      )}
      <h2 className="govuk-heading-m" id="actions-heading">
        Actions
      </h2>
      {incident.actions.length === 0 && <p className="govuk-body">No actions you can see yet.</p>}
      <ul className="lantern-list" aria-labelledby="actions-heading" data-testid="actions">
        {incident.actions.map((action) => (
          <li key={action.id} className="lantern-list__item">
            <p className="govuk-body-s govuk-!-margin-bottom-1">
              {formatDateTime(action.createdAt)} · {action.author.name}
              {action.taggedStaff.length > 0 ? ` · tagged ${action.taggedStaff.map((member) => member.name).join(', ')}` : ''}
            </p>
            <p className="govuk-body govuk-!-margin-bottom-0">{action.text}</p>
            <AttachedFiles api={api} files={action.files} testId="action-files" onRecheck={() => void reload()} />
          </li>
        ))}
      </ul>
      {/* Casework only once the API has said this reader sees the incident elevated. */}
      {incident.seenBecause.includes('elevated') && <IncidentCasework incident={incident} reload={reload} />}
      <h2 className="govuk-heading-m">Add an action</h2>
      {added && (
        <p className="govuk-body" role="status">
          Action added.
        </p>
      )}
      {otherError && (
        <p className="govuk-error-message" role="alert">
          {otherError}
        </p>
      )}
      <form onSubmit={addAction} noValidate>
        <div className={`govuk-form-group${textErrors?.length ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor="action-text">
            What was done, decided or passed on
          </label>
          <FieldError id="action-text" messages={textErrors} />
          <textarea className="govuk-textarea" id="action-text" rows={4} value={text} onChange={(event) => setText(event.target.value)} />
        </div>
        <div className={`govuk-form-group${tagErrors?.length ? ' govuk-form-group--error' : ''}`}>
          <FieldError id="action-tags" messages={tagErrors} />
          <StaffChips people={tagged} onRemove={(id) => setTagged((current) => current.filter((each) => each.id !== id))} />
          <Typeahead id="action-tag" label="Tag a member of staff (they are alerted)" search={searchStaff} onChoose={(member) => setTagged((current) => withMember(current, member))} />
        </div>
        <FilePicker
          id="action-files-picker"
          label="Attach files (optional)"
          uploads={uploads}
          uploaded={actionFiles}
          onRemove={(fileId) => setActionFiles((current) => current.filter((file) => file.id !== fileId))}
          errors={fileErrors}
          headingSize="s"
        />
        <button type="submit" className="govuk-button">
          Add action
        </button>
      </form>
    </>
  );
}

function Row({ term, value, testId }: { term: string; value: string; testId?: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{term}</dt>
      <dd className="govuk-summary-list__value" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
