import { MAX_FILE_BYTES, allowedFileTypes, allowedTypesSentence } from '../../../shared/domain/files/file-types';
import { extensionOf } from '../../../shared/domain/files/file-name';

export type FileCheck = { readonly ok: true; readonly contentType: string } | { readonly ok: false; readonly message: string };

/**
 * The API's type and size rules, checked before anything is sent so a teacher hears at once
 * that a video or a 40 MB scan will not go. The type comes from the extension: browsers
 * give no type, or another one, for .msg, .eml and .heic. The API checks again, and the
 * scanner checks the bytes.
 */
export function checkFile(file: { readonly name: string; readonly size: number }): FileCheck {
  const extension = extensionOf(file.name);
  const type = allowedFileTypes.find((candidate) => candidate.extensions.includes(extension));
  if (!type) return { ok: false, message: `${file.name} is not a kind of file Lantern keeps. Attach a ${allowedTypesSentence} file.` };
  if (file.size === 0) return { ok: false, message: `${file.name} is empty.` };
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: `${file.name} is ${megabytes(file.size)}; a file can be at most 25 MB.` };
  return { ok: true, contentType: type.contentType };
}

export function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The picker's `accept`: every extension Lantern keeps. */
export const acceptedExtensions = allowedFileTypes.flatMap((type) => type.extensions.map((extension) => `.${extension}`)).join(',');
