import { useState, type DragEvent } from 'react';
import { FieldError } from './ErrorSummary';
import { acceptedExtensions, megabytes } from '../files/file-check';
import { MAX_FILES_PER_RECORD, type UploadedFile, type Uploads } from '../files/use-uploads';

/**
 * Attach files by the picker or by dropping them on the area: each shows its progress, a
 * type or size refusal before anything is sent, and Try again when an upload failed. Files
 * are checked for malware once uploaded; they are downloadable only when found clean.
 */
export function FilePicker({
  id,
  label,
  uploads,
  uploaded,
  onRemove,
  errors,
  headingSize = 'm',
}: {
  id: string;
  label: string;
  uploads: Uploads;
  uploaded: readonly UploadedFile[];
  onRemove: (fileId: string) => void;
  errors?: readonly string[];
  /** A section of the record form (m), or one control of a smaller form (s). */
  headingSize?: 'm' | 's';
}) {
  const [dragging, setDragging] = useState(false);
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    uploads.add(Array.from(event.dataTransfer.files));
  };
  const uploading = uploads.pending.filter((item) => item.status === 'uploading');

  return (
    <div className={`govuk-form-group${errors?.length ? ' govuk-form-group--error' : ''}`} id={id} tabIndex={-1}>
      <label className={`govuk-label govuk-label--${headingSize}`} htmlFor={`${id}-input`}>
        {label}
      </label>
      <div className="govuk-hint" id={`${id}-hint`}>
        Letters, minutes, saved emails or photos: PDF, Word, Excel, text, email (EML or MSG), PNG, JPEG or HEIC, at most 25 MB each and {MAX_FILES_PER_RECORD} in all. Each is checked for
        malware before anyone can download it.
      </div>
      <FieldError id={id} messages={errors} />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is an extra for pointer users; the file input inside is the control for keyboards and screen readers */}
      <div
        className={`lantern-drop-zone${dragging ? ' lantern-drop-zone--active' : ''}`}
        data-testid={`${id}-drop-zone`}
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <input
          className="govuk-file-upload"
          id={`${id}-input`}
          type="file"
          multiple
          accept={acceptedExtensions}
          aria-describedby={[`${id}-hint`, errors?.length ? `${id}-error` : undefined].filter(Boolean).join(' ')}
          onChange={(event) => {
            uploads.add(Array.from(event.target.files ?? []));
            event.target.value = '';
          }}
        />
        <p className="govuk-body-s govuk-!-margin-bottom-0 govuk-!-margin-top-2">or drag and drop files here</p>
      </div>
      <p className="govuk-visually-hidden" aria-live="polite">
        {uploading.length > 0 ? `Uploading ${uploading.length} file${uploading.length > 1 ? 's' : ''}.` : ''}
      </p>
      {(uploaded.length > 0 || uploads.pending.length > 0) && (
        <ul className="govuk-list lantern-files" data-testid={`${id}-list`}>
          {uploaded.map((file) => (
            <li key={file.id} className="lantern-files__item" data-testid="uploaded-file">
              <span>
                {file.name} ({megabytes(file.size)}) — uploaded
              </span>{' '}
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => onRemove(file.id)}>
                Remove<span className="govuk-visually-hidden"> {file.name}</span>
              </button>
            </li>
          ))}
          {uploads.pending.map((item) => (
            <li key={item.key} className="lantern-files__item" data-testid="pending-file" data-status={item.status}>
              {item.status === 'uploading' ? (
                <>
                  <span>
                    {item.name} ({megabytes(item.size)}) — uploading {Math.round(item.progress * 100)}%
                  </span>{' '}
                  <progress className="lantern-files__progress" max={1} value={item.progress} aria-label={`Uploading ${item.name}`} />
                </>
              ) : (
                <>
                  <p className="govuk-error-message govuk-!-margin-bottom-1">
                    <span className="govuk-visually-hidden">Error:</span> {item.message}
                  </p>
                  {item.status === 'failed' && (
                    <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => uploads.retry(item.key)}>
                      Try again<span className="govuk-visually-hidden"> to upload {item.name}</span>
                    </button>
                  )}{' '}
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => uploads.dismiss(item.key)}>
                    Remove<span className="govuk-visually-hidden"> {item.name}</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
