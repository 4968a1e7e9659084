import type { QualityRule } from '../finding';
import { initialsMatch } from '../text/name-words';
import { candidateOf } from './pupil-candidate';

/**
 * Seed 002: "children to be logged using forename (full name will appear as a tag)"; seed
 * 003: "use only their first name and where necessary the first initial of their surname".
 * Initials are flagged only when a pupil on the roll has them, so "SLT" or "PE" never is.
 */
const schoolAbbreviations = new Set([
  'SLT', 'DSL', 'DDSL', 'TA', 'HLTA', 'PE', 'RE', 'DT', 'IT', 'ICT', 'PSHE', 'RSE', 'SEN', 'SEND', 'SENCO', 'EHCP', 'EHC', 'IEP', 'CP', 'CIN', 'CIC',
  'LAC', 'LA', 'MASH', 'GP', 'NHS', 'UK', 'AM', 'PM', 'OK', 'ID', 'TV', 'KS', 'EYFS', 'FSM', 'PP', 'MIS', 'UPN', 'DOB', 'HT', 'DHT', 'AHT', 'CPOMS',
  'CSE', 'CCE', 'FGM', 'DV', 'DA', 'ADHD', 'ASD', 'ASC', 'OT', 'SALT', 'MFL', 'PTA', 'SATS', 'YR', 'KS1', 'KS2', 'CAMHS', 'NSPCC', 'PCSO', 'SW',
]);

export const pupilInitials: QualityRule = (text, context) =>
  text.initials
    .filter((found) => !schoolAbbreviations.has(found.letters))
    .flatMap((found) => {
      const pupils = [...context.onIncident, ...context.roll].filter((pupil, index, all) => initialsMatch(found.letters, pupil) && all.findIndex((other) => other.id === pupil.id) === index);
      if (pupils.length === 0) return [];
      return [
        {
          rule: 'pupil-initials' as const,
          severity: 'important' as const,
          span: { start: found.start, end: found.end },
          explanation: `“${found.word}” may stand for a pupil: ${pupils.length === 1 ? 'a pupil on the roll has' : `${pupils.length} pupils on the roll have`} these initials. Initials are ambiguous to anyone reading the record later.`,
          fix: 'Write the pupil’s forename (and the first letter of their surname if two share it), and link them to the incident so it appears on their record.',
          pupils: pupils.slice(0, 5).map(candidateOf),
        },
      ];
    });
