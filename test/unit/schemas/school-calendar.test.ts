import { describe, expect, it } from 'vitest';
import { BankHolidaySettings, TermDates } from '../../../shared/schemas/school-calendar';
import { termDates2026to2027 } from '../domain/school/term-calendar-fixture';

const issuesOf = (value: unknown) => TermDates.safeParse(value).error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) ?? [];

describe('term date settings', () => {
  it('accepts a school year of terms with their half-terms', () => {
    // Prepare: the fixture year

    // Act
    const issues = issuesOf(termDates2026to2027);

    // Assess
    expect(issues).toEqual([]);
  });

  it.each([
    ['a date that does not exist', [{ name: 'Spring', start: '2027-02-30', end: '2027-03-25' }], '0.start'],
    ['a term that ends before it starts', [{ name: 'Spring', start: '2027-03-25', end: '2027-01-05' }], '0.end'],
    ['a half-term outside its term', [{ name: 'Spring', start: '2027-01-05', end: '2027-03-25', breaks: [{ name: 'Half-term', start: '2027-04-01', end: '2027-04-02' }] }], '0.breaks.0'],
    ['a break that ends before it starts', [{ name: 'Spring', start: '2027-01-05', end: '2027-03-25', breaks: [{ name: 'Half-term', start: '2027-02-19', end: '2027-02-15' }] }], '0.breaks.0.end'],
    ['a term without a name', [{ name: ' ', start: '2027-01-05', end: '2027-03-25' }], '0.name'],
    [
      'two terms that overlap',
      [
        { name: 'Autumn', start: '2026-09-03', end: '2026-12-18' },
        { name: 'Spring', start: '2026-12-18', end: '2027-03-25' },
      ],
      '1.start',
    ],
  ])('refuses %s, naming the field', (_story, value, field) => {
    // Prepare: the value above

    // Act
    const issues = issuesOf(value);

    // Assess
    expect(issues.map((issue) => issue.path)).toContain(field);
  });

  it('keeps bank holidays to the shipped region, with real extra dates', () => {
    // Prepare
    const good = { region: 'england_and_wales', additionalDates: ['2027-06-07'] };

    // Act
    const results = [good, { region: 'scotland' }, { region: 'england_and_wales', additionalDates: ['next Monday'] }].map((value) => BankHolidaySettings.safeParse(value).success);

    // Assess
    expect(results).toEqual([true, false, false]);
  });
});
