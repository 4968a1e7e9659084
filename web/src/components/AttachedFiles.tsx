import { useState } from 'react';
import type { LanternApi } from '../api/client';
import type { IncidentFile } from '../api/types';
import { asApiError } from '../api/api-error';
import { megabytes } from '../files/file-check';

const NOT_AVAILABLE: Record<string, string> = {
  infected: 'not available: the malware check found a threat, and the DSLs have been told',
  mismatched: 'not available: its contents are not what its type says',
  unscanned: 'not available: it could not be checked for malware',
};

/** The files on an incident or an action: "being checked" until scanned, then a download (audited) when clean. */
export function AttachedFiles({ api, files, testId, onRecheck }: { api: LanternApi; files: readonly IncidentFile[]; testId: string; onRecheck: () => void }) {
  const [error, setError] = useState<string>();
  if (files.length === 0) return null;
  const download = async (file: IncidentFile) => {
    setError(undefined);
    try {
      const link = await api.fileLink(file.id);
      // The link answers as an attachment: the browser saves the file and stays on this page.
      window.location.assign(link.url);
    } catch (caught) {
      setError(asApiError(caught, 'The file could not be fetched. Try again.').message);
    }
  };
  return (
    <>
      {error && (
        <p className="govuk-error-message" role="alert">
          {error}
        </p>
      )}
      <ul className="govuk-list lantern-files" data-testid={testId}>
        {files.map((file) => (
          <li key={file.id} className="lantern-files__item" data-scan={file.scan}>
            <span>
              {file.name} ({megabytes(file.size)})
            </span>{' '}
            {file.scan === 'clean' ? (
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => void download(file)}>
                Download<span className="govuk-visually-hidden"> {file.name}</span>
              </button>
            ) : file.scan === 'pending' ? (
              <>
                <strong className="govuk-tag govuk-tag--yellow">Being checked</strong>{' '}
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={onRecheck}>
                  Check again<span className="govuk-visually-hidden"> whether {file.name} is ready</span>
                </button>
              </>
            ) : (
              <span className="govuk-body-s">— {NOT_AVAILABLE[file.scan] ?? 'not available'}</span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
