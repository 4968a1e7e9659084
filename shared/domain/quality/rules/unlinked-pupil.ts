import type { QualityFinding, QualityRule } from '../finding';
import { groupByForename } from '../text/name-words';
import { candidateOf } from './pupil-candidate';

/**
 * Seed 002: "the correct children are ‘tagged’ – all children mentioned within the report
 * should be ‘tagged’ so that the report appears under their name". A forename of a pupil on
 * roll, when no pupil on the incident has it, is probably a pupil who should be linked
 * with their role (involved, witness, victim, alleged perpetrator). One finding per name.
 */
export const unlinkedPupil: QualityRule = (text, context) => {
  const onIncident = new Set(context.onIncident.map((pupil) => pupil.givenName.toLowerCase()));
  const rollByForename = groupByForename(context.roll);
  const seen = new Set<string>();
  const findings: QualityFinding[] = [];
  for (const word of text.words) {
    const name = word.word.toLowerCase().replace(/’/gu, "'");
    if (seen.has(name) || onIncident.has(name)) continue;
    const pupils = rollByForename.get(name);
    if (!pupils) continue;
    seen.add(name);
    findings.push({
      rule: 'unlinked-pupil',
      severity: 'advice',
      span: { start: word.start, end: word.end },
      explanation: `“${word.word}” is the forename of ${pupils.length === 1 ? 'a pupil' : `${pupils.length} pupils`} on the roll who ${pupils.length === 1 ? 'is' : 'are'} not linked to this incident.`,
      fix: `If “${word.word}” is a pupil, link them with their role (involved, witness, victim or alleged perpetrator), so the record appears under their name too.`,
      pupils: pupils.slice(0, 5).map(candidateOf),
    });
  }
  return findings;
};
