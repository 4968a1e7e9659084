import type { QualityRule } from '../finding';

/**
 * Seed 002: "the ‘safeguarding loop’ is closed – … we must report the subsequent actions.
 * What was the outcome … Who has information been passed on to? Who else has been
 * informed?" Seed 003: "ACTION: What have you now done regarding the incident?" One
 * sentence saying what was done, who was told or what happens next is enough.
 */
const heading = /^[ \t]*(?:[-•*][ \t]*)?(?:actions?|next steps?|follow[- ]?up|outcomes?)[ \t]*:/imu;
const people = String.raw`(?:(?:his|her|their|the|derek's)\s+)?(?:mum|mom|dad|parents?|carers?|guardians?|family|home|dsl|deputy(?:\s+dsl)?|designated safeguarding lead|head(?:teacher)?|class teacher|senco|social worker|police|school nurse|slt\b(?!\s+because))`;
const followUp = new RegExp(
  [
    String.raw`\bto inform\b`,
    String.raw`\binformed\b`,
    String.raw`\bpass(?:ed|ing)?\s+(?:this\s+|it\s+)?(?:on|to)\b`,
    String.raw`\breport(?:ed)?\s+(?:this\s+|it\s+)?to\b`,
    String.raw`\brefer(?:red|ral)\b`,
    String.raw`\braised\s+(?:this|it|the concern|my concern)\s+with\b`,
    String.raw`\b(?:contacted|phoned|rang|emailed|e-mailed|messaged|called)\s+${people}`,
    String.raw`\b(?:told|spoke\s+(?:to|with)|discussed\s+(?:this\s+|it\s+)?with|let)\s+${people}`,
    String.raw`\b(?:will|to)\s+(?:be\s+)?(?:monitor(?:ed)?|check(?:ed)?|follow(?:ed)?\s+up|review(?:ed)?|invited|speak|talk|meet|update|contact(?:ed)?|continue|keep an eye)\b`,
    String.raw`\bfollow(?:ed)?[- ]?up\b`,
    String.raw`\bnext steps?\b`,
    String.raw`\bhanded\s+(?:over|to)\b`,
    String.raw`\b(?:early help|safeguarding hub|mash)\b`,
  ].join('|'),
  'iu',
);

export const noFollowUp: QualityRule = (text) => {
  if (text.text.trim().length === 0) return [];
  if (heading.test(text.text) || followUp.test(text.text.replace(/[’‘]/gu, "'"))) return [];
  return [
    {
      rule: 'no-follow-up',
      severity: 'important',
      explanation: 'Nothing says what was done next: who was told, what support follows, what the outcome was. Seed 002 asks that the "safeguarding loop" is closed in the record.',
      fix: 'Add what you did and what happens next, e.g. "Actions: GBrown to inform Derek’s mum at the end of the day; Jane Doe (social worker) to be informed." Later steps go in an action on the incident.',
    },
  ];
};
