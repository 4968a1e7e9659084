import { describe, expect, it } from 'vitest';
import { bankHolidaysEnglandAndWales } from '../../../../shared/domain/school/bank-holidays-england-and-wales';

// The shipped dates were typed in by hand: check each against the rules that make them
// (Banking and Financial Dealings Act 1971 and the standing proclamations), so a typo fails here.
const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

function easterSunday(year: number): { month: number; day: number } {
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  return { month: Math.floor((h + l - 7 * m + 114) / 31), day: ((h + l - 7 * m + 114) % 31) + 1 };
}

function firstMonday(year: number, month: number): string {
  for (let day = 1; ; day += 1) if (weekday(iso(year, month, day)) === 1) return iso(year, month, day);
}

function lastMonday(year: number, month: number): string {
  for (let day = new Date(Date.UTC(year, month, 0)).getUTCDate(); ; day -= 1) if (weekday(iso(year, month, day)) === 1) return iso(year, month, day);
}

/** A holiday on a weekend moves to the next weekday not already a holiday. */
function withSubstitute(date: string, taken: Set<string>): string {
  let day = date;
  while (weekday(day) === 0 || weekday(day) === 6 || taken.has(day)) day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  taken.add(day);
  return day;
}

function rulesFor(year: number): string[] {
  const easter = easterSunday(year);
  const sunday = Date.UTC(year, easter.month - 1, easter.day);
  const taken = new Set<string>();
  const christmas = withSubstitute(iso(year, 12, 25), taken);
  const boxingDay = withSubstitute(iso(year, 12, 26), taken);
  return [
    withSubstitute(iso(year, 1, 1), new Set()),
    new Date(sunday - 2 * 86_400_000).toISOString().slice(0, 10),
    new Date(sunday + 86_400_000).toISOString().slice(0, 10),
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    christmas,
    boxingDay,
  ];
}

describe('England and Wales bank holidays shipped as data', () => {
  it.each([2025, 2026, 2027, 2028])('lists exactly the bank holidays the rules give for %i', (year) => {
    // Prepare
    const expected = rulesFor(year);

    // Act
    const shipped = bankHolidaysEnglandAndWales.filter((holiday) => holiday.date.startsWith(`${year}-`)).map((holiday) => holiday.date);

    // Assess
    expect(shipped).toEqual(expected);
  });

  it('falls on weekdays only, each once', () => {
    // Prepare
    const dates = bankHolidaysEnglandAndWales.map((holiday) => holiday.date);

    // Act
    const weekend = dates.filter((date) => weekday(date) === 0 || weekday(date) === 6);

    // Assess
    expect(weekend).toEqual([]);
    expect(new Set(dates).size).toBe(dates.length);
  });
});
