/**
 * The kinds of file staff attach (seeds 000–004: letters, meeting minutes, saved emails,
 * photos), each with the bytes its contents must start with. Anything else is refused
 * before upload, and a file whose bytes are not what it says is never downloadable.
 */
export interface AllowedFileType {
  readonly contentType: string;
  readonly label: string;
  readonly extensions: readonly string[];
  /** True when the first bytes fit this type. */
  matches(start: Uint8Array): boolean;
}

const startsWith = (start: Uint8Array, ...bytes: number[]) => bytes.every((byte, index) => start[index] === byte);
const ascii = (start: Uint8Array, from: number, text: string) => [...text].every((char, index) => start[from + index] === char.charCodeAt(0));
/** DOCX and XLSX are ZIP containers. */
const isZip = (start: Uint8Array) => startsWith(start, 0x50, 0x4b, 0x03, 0x04);
/** MSG is an OLE2 compound file. */
const isCompoundFile = (start: Uint8Array) => startsWith(start, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
/** Text: valid UTF-8 with no control characters but tab, line feed, carriage return and form feed. */
function isText(start: Uint8Array): boolean {
  if (start.length === 0) return true;
  // A sample may end inside a multi-byte character: ignore up to three trailing bytes of one.
  let end = start.length;
  for (let back = 1; back <= 3 && end - back >= 0; back += 1) {
    const byte = start[end - back] ?? 0;
    if ((byte & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((byte & 0xc0) !== 0x80) break;
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(start.subarray(0, end));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}
/** An email saved as .eml: RFC 5322 text starting with a header field. */
const isEmail = (start: Uint8Array) => isText(start) && /^[\x21-\x39\x3b-\x7e]+:/.test(new TextDecoder().decode(start.subarray(0, 200)));

export const allowedFileTypes: readonly AllowedFileType[] = [
  { contentType: 'application/pdf', label: 'PDF', extensions: ['pdf'], matches: (start) => ascii(start, 0, '%PDF-') },
  { contentType: 'image/png', label: 'PNG', extensions: ['png'], matches: (start) => startsWith(start, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  { contentType: 'image/jpeg', label: 'JPEG', extensions: ['jpg', 'jpeg'], matches: (start) => startsWith(start, 0xff, 0xd8, 0xff) },
  // HEIC: an ISO base media file whose ftyp brand is one of HEIF's.
  {
    contentType: 'image/heic',
    label: 'HEIC',
    extensions: ['heic', 'heif'],
    matches: (start) => ascii(start, 4, 'ftyp') && ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].some((brand) => ascii(start, 8, brand)),
  },
  { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word (DOCX)', extensions: ['docx'], matches: isZip },
  { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel (XLSX)', extensions: ['xlsx'], matches: isZip },
  { contentType: 'text/plain', label: 'text', extensions: ['txt'], matches: isText },
  { contentType: 'message/rfc822', label: 'email (EML)', extensions: ['eml'], matches: isEmail },
  { contentType: 'application/vnd.ms-outlook', label: 'Outlook message (MSG)', extensions: ['msg'], matches: isCompoundFile },
];

/** 25 MB: a scanned letter or a phone photo, well within; a video is not a record. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

/** How many bytes the type check reads from the start of a file. */
export const SIGNATURE_SAMPLE_BYTES = 4096;

export function fileTypeOf(contentType: string): AllowedFileType | undefined {
  const bare = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return allowedFileTypes.find((type) => type.contentType === bare);
}

export const allowedTypesSentence = allowedFileTypes.map((type) => type.label).join(', ');
