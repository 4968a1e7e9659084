/**
 * Unique Pupil Numbers carry a check letter (DfE "Unique Pupil Numbers" guidance):
 * the weighted sum of characters 2-13 (weights 2..13) modulo 23 picks a letter from a
 * 23-letter alphabet without I, O and S.
 */
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

export function upnCheckLetter(twelveDigits: string): string {
  if (!/^\d{12}$/.test(twelveDigits)) throw new Error('A UPN body is 12 digits');
  const sum = [...twelveDigits].reduce((total, digit, index) => total + Number(digit) * (index + 2), 0);
  return CHECK_LETTERS[sum % 23]!;
}

export function makeUpn(twelveDigits: string): string {
  return `${upnCheckLetter(twelveDigits)}${twelveDigits}`;
}

export function isValidUpn(upn: string): boolean {
  const match = /^([A-Z])(\d{12})$/.exec(upn);
  return match !== null && upnCheckLetter(match[2]!) === match[1];
}
