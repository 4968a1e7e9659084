/** Longest name kept, in characters: enough for "Letter from parent 2026-11-23.pdf", short enough for a header. */
export const FILE_NAME_MAX_CHARS = 120;

/**
 * The name a file is shown and downloaded under: no folders (a name is never a path), no
 * control or bidirectional-override characters (which can disguise "exe.pdf"), no
 * characters Windows refuses, trimmed, and at most FILE_NAME_MAX_CHARS with its extension
 * kept. Undefined when nothing is left.
 */
export function sanitiseFileName(name: string): string | undefined {
  const lastSegment = name.split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  if (cleaned === '') return undefined;
  const characters = [...cleaned];
  if (characters.length <= FILE_NAME_MAX_CHARS) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  const stem = [...cleaned.slice(0, cleaned.length - extension.length)].slice(0, FILE_NAME_MAX_CHARS - [...extension].length).join('').trimEnd();
  return `${stem}${extension}`;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
