import { schoolClockAt } from '../incidents/school-session';

/** "YYYY-MM" of an instant in the school's time zone (a report month is the school's month). */
export function monthIn(instant: Date, timezone: string): string {
  const clock = schoolClockAt(instant, timezone);
  return `${clock.year}-${clock.month}`;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0 of a "YYYY-MM", or undefined when it is not one. */
function monthNumber(month: string): number | undefined {
  const parts = MONTH.exec(month);
  return parts ? Number(parts[1]) * 12 + Number(parts[2]) - 1 : undefined;
}

/**
 * How many months from `from` to `to` inclusive, by arithmetic; undefined unless both are
 * "YYYY-MM". A check on unvalidated input (a zod refine sees the object even when a field
 * failed) must use this, never build the list.
 */
export function monthCount(from: string, to: string): number | undefined {
  const first = monthNumber(from);
  const last = monthNumber(to);
  return first === undefined || last === undefined ? undefined : last - first + 1;
}

/** Every month from `from` to `to` inclusive ("YYYY-MM"); both must be months. */
export function monthsBetween(from: string, to: string): string[] {
  const first = monthNumber(from);
  const last = monthNumber(to);
  // A malformed month once made this loop forever (NaN never passes 12) until the process died.
  if (first === undefined || last === undefined) throw new RangeError('monthsBetween takes two YYYY-MM months');
  const months: string[] = [];
  for (let index = first; index <= last; index += 1) months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  return months;
}

/** The month `count` months before `month` ("YYYY-MM"). */
export function monthsBack(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
