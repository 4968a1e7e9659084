import type { QualityRule } from '../finding';

/**
 * Seed 002: "use the child’s own words – where information has been shared, directly quote
 * the individual"; seed 003: "If you are recording a conversation with a child, please
 * record the words/phrases which they used." Asked of disclosure-type categories: a
 * concern or safeguarding, the child's view, child protection.
 */
const disclosureNames = /safeguarding|concern|child[’']?s\s+view|child\s+protection/iu;
const disclosureIds = new Set(['safeguarding', 'concern', 'childs-view', 'child-s-view', 'child-protection']);

export const childVoiceMissing: QualityRule = (text, context) => {
  const disclosure = context.categories.find((category) => disclosureIds.has(category.id) || disclosureNames.test(category.name));
  if (!disclosure || text.text.trim().length === 0) return [];
  const quotesSomeone = text.quotes.some((quote) => /\p{L}{2,}/u.test(text.text.slice(quote.start, quote.end)));
  if (quotesSomeone) return [];
  return [
    {
      rule: 'child-voice-missing',
      severity: 'important',
      explanation: `This is recorded as ${disclosure.name}, but the child's own words are not quoted. Seed 002: "use the child’s own words".`,
      fix: 'Write what the child said, word for word, in quotation marks, e.g. Sally said \'I don\'t like my life anymore\'. If the child said nothing, say so.',
    },
  ];
};
