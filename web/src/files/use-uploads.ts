import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { LanternApi } from '../api/client';
import type { UploadStarted } from '../api/types';
import { checkFile } from './file-check';
import { sendFile } from './send-file';

/** A file uploaded and waiting to be attached when the form is sent (kept in the draft too): POST /v1/files' file, before its scan. */
export type UploadedFile = Omit<UploadStarted['file'], 'scan'>;

/** A file not uploaded (yet): on its way, failed (try again), or refused before or by the API. */
export interface PendingUpload {
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly status: 'uploading' | 'failed' | 'refused';
  readonly progress: number;
  readonly message?: string;
}

/** An incident or an action takes at most this many files (the API's rule too). */
export const MAX_FILES_PER_RECORD = 5;

/**
 * Uploads chosen or dropped files one by one as they come: checked here first (type and
 * size), then POST /v1/files, then the bytes straight to the bucket with progress. A failed
 * upload can be tried again (with a new upload, as the old URL may have expired).
 */
export function useUploads(api: LanternApi, uploadedCount: number, onUploaded: (file: UploadedFile) => void) {
  const [pending, setPending] = useState<readonly PendingUpload[]>([]);
  const files = useRef(new Map<string, File>());
  const keys = useRef(0);

  const patch = useCallback((key: string, change: Partial<PendingUpload>) => setPending((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item))), []);

  const start = useCallback(
    async (key: string, file: File, contentType: string) => {
      patch(key, { status: 'uploading', progress: 0, message: undefined });
      try {
        const started = await api.startUpload({ name: file.name, contentType, size: file.size });
        await sendFile(started.upload, file, (progress) => patch(key, { progress }));
        files.current.delete(key);
        setPending((current) => current.filter((item) => item.key !== key));
        onUploaded({ id: started.file.id, name: started.file.name, contentType: started.file.contentType, size: started.file.size });
      } catch (caught) {
        // A rule the API applies (4xx) will not change on a retry; a dropped connection might.
        const refused = caught instanceof ApiError && caught.status >= 400 && caught.status < 500;
        const message = caught instanceof Error ? caught.message : 'The upload did not finish.';
        patch(key, { status: refused ? 'refused' : 'failed', message: refused ? message : `${file.name} did not upload: ${message}` });
      }
    },
    [api, onUploaded, patch],
  );

  const add = useCallback(
    (chosen: Iterable<File>) => {
      let room = MAX_FILES_PER_RECORD - uploadedCount - pending.filter((item) => item.status !== 'refused').length;
      for (const file of chosen) {
        keys.current += 1;
        const key = `upload-${keys.current}`;
        const check = checkFile(file);
        if (!check.ok || room <= 0) {
          const message = check.ok ? `${file.name} was not added: attach at most ${MAX_FILES_PER_RECORD} files here, and add more in an action.` : check.message;
          setPending((current) => [...current, { key, name: file.name, size: file.size, status: 'refused', progress: 0, message }]);
          continue;
        }
        room -= 1;
        files.current.set(key, file);
        setPending((current) => [...current, { key, name: file.name, size: file.size, status: 'uploading', progress: 0 }]);
        void start(key, file, check.contentType);
      }
    },
    [pending, start, uploadedCount],
  );

  const retry = useCallback(
    (key: string) => {
      const file = files.current.get(key);
      const check = file ? checkFile(file) : undefined;
      if (file && check?.ok) void start(key, file, check.contentType);
    },
    [start],
  );

  const dismiss = useCallback((key: string) => {
    files.current.delete(key);
    setPending((current) => current.filter((item) => item.key !== key));
  }, []);

  const clear = useCallback(() => {
    files.current.clear();
    setPending([]);
  }, []);

  return { pending, add, retry, dismiss, clear, busy: pending.some((item) => item.status === 'uploading') };
}

export type Uploads = ReturnType<typeof useUploads>;
