import { UnprocessableError } from '../../errors/lantern-error';
import { bankHolidaysEnglandAndWales, bankHolidaysEnglandAndWalesCoverUntil } from './bank-holidays-england-and-wales';

/** A date in the school's calendar, "YYYY-MM-DD". */
export type SchoolDate = string;

/** A holiday inside a term: a half-term, or a day the school is closed (an INSET day, say). Inclusive dates. */
export interface TermBreak {
  readonly name: string;
  readonly start: SchoolDate;
  readonly end: SchoolDate;
}

/** One term as the school (or its local authority) publishes it: first and last day, inclusive. */
export interface SchoolTerm {
  readonly name: string;
  readonly start: SchoolDate;
  readonly end: SchoolDate;
  readonly breaks?: readonly TermBreak[];
}

/**
 * Which bank holidays the school keeps: England and Wales's (shipped as data), plus any the
 * school adds (a one-off holiday proclaimed after the data was written).
 */
export interface BankHolidaySettings {
  readonly region: 'england_and_wales';
  readonly additionalDates?: readonly SchoolDate[];
}

export const defaultBankHolidaySettings: BankHolidaySettings = { region: 'england_and_wales' };

/** The settings a calendar is built from (part of the school profile). */
export interface SchoolCalendarSettings {
  readonly termDates?: readonly SchoolTerm[];
  readonly bankHolidays?: BankHolidaySettings;
}

// A school year has about 190 school days in 365: far more than enough to find five.
const LONGEST_SEARCH_DAYS = 400;

/**
 * The school's days: a school day is a weekday inside one of its terms, outside the term's
 * breaks, that is not a bank holiday. KCSIE counts the child-protection file transfer in
 * these days.
 */
export class SchoolCalendar {
  private readonly bankHolidays: ReadonlySet<SchoolDate>;
  private readonly terms: readonly SchoolTerm[];

  constructor(settings: SchoolCalendarSettings) {
    const holidays = settings.bankHolidays ?? defaultBankHolidaySettings;
    this.bankHolidays = new Set([...bankHolidaysEnglandAndWales.map((holiday) => holiday.date), ...(holidays.additionalDates ?? [])]);
    this.terms = [...(settings.termDates ?? [])].sort((left, right) => left.start.localeCompare(right.start));
  }

  isBankHoliday(date: SchoolDate): boolean {
    return this.bankHolidays.has(date);
  }

  /** The term the date is in (its breaks count as in the term), if any. */
  termOf(date: SchoolDate): SchoolTerm | undefined {
    return this.terms.find((term) => term.start <= date && date <= term.end);
  }

  /** True when the date is in a term but in one of its breaks (a half-term). */
  isInBreak(date: SchoolDate): boolean {
    return (this.termOf(date)?.breaks ?? []).some((pause) => pause.start <= date && date <= pause.end);
  }

  /** True when pupils are taught that day: a weekday in term, outside its breaks, not a bank holiday. */
  isSchoolDay(date: SchoolDate): boolean {
    if (isWeekend(date)) return false;
    if (!this.termOf(date) || this.isInBreak(date)) return false;
    return !this.isBankHoliday(date);
  }

  /** True when the date is outside any term or in a term's break: the school is on holiday. */
  isHoliday(date: SchoolDate): boolean {
    return !this.termOf(date) || this.isInBreak(date);
  }

  /**
   * The `count`th school day after `date` (not counting `date` itself). Refused, naming the
   * setting, when the term dates or the shipped bank holidays do not reach that far: a
   * deadline is never guessed.
   */
  schoolDayAfter(date: SchoolDate, count: number): SchoolDate {
    return this.walk(date, count, 1);
  }

  /** The `count`th school day before `date` (not counting `date` itself). */
  schoolDayBefore(date: SchoolDate, count: number): SchoolDate {
    return this.walk(date, count, -1);
  }

  private walk(from: SchoolDate, count: number, step: 1 | -1): SchoolDate {
    let date = from;
    let found = 0;
    for (let days = 0; days < LONGEST_SEARCH_DAYS && found < count; days += 1) {
      date = addDays(date, step);
      if (step === 1 && date > bankHolidaysEnglandAndWalesCoverUntil) {
        throw new UnprocessableError(`the shipped bank holidays end on ${bankHolidaysEnglandAndWalesCoverUntil}; update Lantern or add the dates to the settings`, 'bankHolidays');
      }
      if (step === 1 && !this.terms.some((term) => term.end >= date)) {
        throw new UnprocessableError(`the term dates end before ${count} school days after ${from}; add the next term's dates`, 'termDates');
      }
      if (this.isSchoolDay(date)) found += 1;
    }
    if (found < count) throw new UnprocessableError(`no ${count} school days found near ${from}; check the term dates`, 'termDates');
    return date;
  }
}

export function addDays(date: SchoolDate, days: number): SchoolDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function isWeekend(date: SchoolDate): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** A real calendar date written "YYYY-MM-DD" (not 2027-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return addDays(value, 0) === value;
}
