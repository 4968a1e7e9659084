import type { StoredQualityFinding } from '../incidents/incident';
import type { QualityFinding } from './finding';
import { ruleTitles } from './rule-titles';

/** A stored finding told again (an Idempotency-Key replay): its rule's own words, as kept. */
export function describeStoredFinding(stored: StoredQualityFinding): QualityFinding {
  return {
    rule: stored.rule,
    severity: stored.severity,
    ...(stored.start !== undefined && stored.end !== undefined ? { span: { start: stored.start, end: stored.end } } : {}),
    explanation: `${ruleTitles[stored.rule]}: found when this incident was submitted.`,
    fix: 'Later information, such as who was told and what happens next, goes in an action on the incident.',
  };
}
