/**
 * JOSE compact serialisations are base64url segments joined by dots. A receiver accepts only
 * the one canonical encoding of each segment: base64url decoders ignore the spare bits of a
 * segment's last character, so without this check a changed character could decode to the
 * same bytes, and a "changed" bundle would be accepted.
 */
export function isCanonicalCompact(serialised: string, segments: 3 | 5): boolean {
  const parts = serialised.split('.');
  if (parts.length !== segments) return false;
  return parts.every((part) => /^[A-Za-z0-9_-]*$/.test(part) && Buffer.from(part, 'base64url').toString('base64url') === part);
}
