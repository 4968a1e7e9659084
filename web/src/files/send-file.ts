import type { UploadStarted } from '../api/types';

/** A presigned upload as POST /v1/files gives it. */
export type PresignedUpload = Pick<UploadStarted['upload'], 'method' | 'url' | 'headers'>;

/**
 * Sends the file straight to the bucket with exactly the signed headers. XMLHttpRequest,
 * not fetch: only it reports upload progress. The URL and the file never go to Lantern's API.
 */
export function sendFile(upload: PresignedUpload, file: Blob, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(upload.method, upload.url);
    for (const [name, value] of Object.entries(upload.headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve();
      } else reject(new Error(`The upload was refused (${request.status}).`));
    };
    request.onerror = () => reject(new Error('The connection dropped during the upload.'));
    request.send(file);
  });
}
