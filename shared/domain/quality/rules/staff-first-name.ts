import type { QualityFinding, QualityRule } from '../finding';
import { groupByForename } from '../text/name-words';

/**
 * Seed 002: "staff to be logged as first initial and surname (eg. JBloggs)". A member of
 * staff's forename, not followed by their surname, is flagged once per name, unless a
 * pupil on the incident or on the roll has that forename (the pupil rules cover those).
 */
export const staffFirstName: QualityRule = (text, context) => {
  const pupilNames = new Set([...context.onIncident, ...context.roll].map((pupil) => pupil.givenName.toLowerCase()));
  const byForename = groupByForename(context.staff);
  const seen = new Set<string>();
  const findings: QualityFinding[] = [];
  const words = text.words;
  words.forEach((word, index) => {
    const name = word.word.toLowerCase();
    if (seen.has(name) || pupilNames.has(name)) return;
    const staff = byForename.get(name);
    if (!staff) return;
    const next = words[index + 1];
    const followedBySurname = next && /^\s+$/u.test(text.text.slice(word.end, next.start)) && staff.some((member) => member.familyName.toLowerCase() === next.word.toLowerCase());
    if (followedBySurname) return;
    seen.add(name);
    const suggestions = staff.slice(0, 3).map((member) => `${member.givenName[0]!.toUpperCase()}${member.familyName.replace(/\s+/gu, '')}`);
    findings.push({
      rule: 'staff-first-name',
      severity: 'advice',
      span: { start: word.start, end: word.end },
      explanation: `“${word.word}” looks like a member of staff named by first name only.`,
      fix: `Write staff as first initial and surname, e.g. ${suggestions.join(' or ')} (seed 002). Other professionals: full name and role, e.g. "Jane Doe (social worker)".`,
    });
  });
  return findings;
};
