import { describe, expect, it } from 'vitest';
import { counterChanges, splitRange } from '../../../shared/adapters/dynamo/report-store';
import { countedFactsOf, recountDeltas } from '../../../shared/domain/reports/report-facts';
import { incidentFixture } from '../support/incident-records';

/** Every day from `from` to `to`, inclusive. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 86_400_000) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

/** The days a split covers, each school year, month and day spelled out. */
function daysCovered(parts: ReturnType<typeof splitRange>): string[] {
  const monthDays = (month: string) => daysBetween(`${month}-01`, new Date(Date.parse(`${month}-01T00:00:00Z`) + 31 * 86_400_000).toISOString().slice(0, 10)).filter((day) => day.startsWith(month));
  const monthsBetween = (first: string, last: string) => {
    const months: string[] = [];
    for (let month = first; month <= last; month = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 7)) months.push(month);
    return months;
  };
  return [
    ...(parts.wholeYears ? daysBetween(`${parts.wholeYears.first}-09-01`, `${Number(parts.wholeYears.last) + 1}-08-31`) : []),
    ...(parts.leadingMonths ? monthsBetween(parts.leadingMonths.first, parts.leadingMonths.last).flatMap(monthDays) : []),
    ...(parts.trailingMonths ? monthsBetween(parts.trailingMonths.first, parts.trailingMonths.last).flatMap(monthDays) : []),
    ...(parts.leadingDays ? daysBetween(parts.leadingDays.first, parts.leadingDays.last) : []),
    ...(parts.trailingDays ? daysBetween(parts.trailingDays.first, parts.trailingDays.last) : []),
  ].sort();
}

describe('report ranges: which counter items a range is read from', () => {
  it('reads a school year (1 September to 31 August) from its year items alone', () => {
    // Prepare
    const range = { from: '2031-09-01', to: '2032-08-31' };

    // Act
    const parts = splitRange(range);

    // Assess
    expect(parts).toEqual({ wholeYears: { first: '2031', last: '2031' } });
  });

  it('reads a calendar year from months: no school year fits inside it', () => {
    // Prepare
    const range = { from: '2031-01-01', to: '2031-12-31' };

    // Act
    const parts = splitRange(range);

    // Assess
    expect(parts).toEqual({ leadingMonths: { first: '2031-01', last: '2031-12' } });
  });

  it('reads two school years, the month after them and the odd days at either end', () => {
    // Prepare
    const range = { from: '2030-08-15', to: '2032-10-10' };

    // Act
    const parts = splitRange(range);

    // Assess
    expect(parts).toEqual({
      wholeYears: { first: '2030', last: '2031' },
      trailingMonths: { first: '2032-09', last: '2032-09' },
      leadingDays: { first: '2030-08-15', last: '2030-08-31' },
      trailingDays: { first: '2032-10-01', last: '2032-10-10' },
    });
  });

  it.each([
    ['a school year', '2031-09-01', '2032-08-31'],
    ['a school year and a term either side', '2030-04-17', '2033-01-09'],
    ['a leap February', '2032-02-01', '2032-02-29'],
    ['days within one month', '2031-05-03', '2031-05-19'],
    ['one day', '2031-12-31', '2031-12-31'],
    ['across New Year', '2031-11-30', '2032-02-01'],
  ])('covers every day of %s exactly once', (_name, from, to) => {
    // Prepare
    const expected = daysBetween(from, to);

    // Act
    const covered = daysCovered(splitRange({ from, to }));

    // Assess
    expect(covered).toEqual(expected);
  });

  it('counts an incident in its day, its month and its school year (named by its September)', () => {
    // Prepare
    const facts = countedFactsOf(incidentFixture({ id: 'incident-march', occurredAt: '2032-03-10T10:00:00.000Z', recordedAt: '2032-03-10T10:30:00.000Z' }), { timeZone: 'Europe/London', yearGroup: 'Year 4' });

    // Act
    const changes = counterChanges(recountDeltas(undefined, facts));

    // Assess
    expect(changes.map((change) => change.period)).toEqual(['2032-03-10', '2032-03', '2031']);
    expect(new Set(changes.map((change) => change.counters['active|month:2032-03']))).toEqual(new Set([1]));
  });
});
