import { describe, expect, it } from 'vitest';
import { excerptOf, findingKey, qualityDraftOf } from '../../web/src/record/quality-advice';

describe('quality advice in the form', () => {
  it('sends the checker only what it reads from the draft', () => {
    // Prepare
    const body = {
      studentId: 'pupil-1',
      description: 'Last week Leo was kicking off.',
      categories: [{ categoryId: 'behaviour', subCategoryIds: ['x'], fields: { outcomes: ['y'] } }],
      linkedStudents: [{ studentId: 'pupil-2', role: 'witness' as const }],
      agencies: ['Early Help'],
    };
    // Act
    const draft = qualityDraftOf(body);
    // Assess
    expect(draft).toEqual({ description: 'Last week Leo was kicking off.', categories: [{ categoryId: 'behaviour' }], studentId: 'pupil-1', linkedStudents: [{ studentId: 'pupil-2' }] });
  });

  it('highlights a span with a little text either side, marking cut text', () => {
    // Prepare
    const text = `${'a'.repeat(40)} kicking off ${'b'.repeat(40)}`;
    // Act
    const excerpt = excerptOf(text, { start: 41, end: 52 }, 5);
    // Assess
    expect(excerpt).toEqual({ before: '…aaaa ', marked: 'kicking off', after: ' bbbb…' });
  });

  it('refuses a span outside the text it was checked against', () => {
    // Act
    const excerpt = excerptOf('short', { start: 2, end: 40 });
    // Assess
    expect(excerpt).toBeUndefined();
  });

  it('keys a finding by its rule and words, so a dismissal survives the text moving', () => {
    // Prepare
    const finding = { rule: 'emotive-language' as const, severity: 'important' as const, span: { start: 0, end: 11 }, explanation: '', fix: '' };
    // Act
    const before = findingKey(finding, 'Kicking off again.');
    const after = findingKey({ ...finding, span: { start: 4, end: 15 } }, 'Now kicking off again.');
    // Assess
    expect(after).toBe(before);
  });
});
