import type { SchoolSession, Timetable } from '../school/school-profile';

export type DayOfWeek = 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday';

export interface SessionFacts {
  readonly dayOfWeek: DayOfWeek;
  readonly session: SchoolSession;
  /** The wall-clock time at the school, "HH:MM", for display next to the day. */
  readonly localTime: string;
  /** The calendar date at the school, "YYYY-MM-DD". */
  readonly localDate: string;
}

/**
 * Day and session of an instant as the school experienced it: in the school's timezone,
 * so 08:30 BST in June and 08:30 GMT in December are both "before school".
 */
export function sessionOf(instant: Date, timeZone: string, timetable: Timetable): SessionFacts {
  const parts = schoolClockAt(instant, timeZone);
  const localTime = `${parts.hour}:${parts.minute}`;
  return {
    dayOfWeek: parts.weekday as DayOfWeek,
    session: sessionAt(localTime, timetable),
    localTime,
    localDate: `${parts.year}-${parts.month}-${parts.day}`,
  };
}

function sessionAt(localTime: string, timetable: Timetable): SchoolSession {
  // "HH:MM" strings compare correctly as text.
  if (localTime < timetable.morningStarts) return 'before_school';
  if (localTime < timetable.lunchStarts) return 'am';
  if (localTime < timetable.afternoonStarts) return 'lunch';
  if (localTime < timetable.afternoonEnds) return 'pm';
  return 'after_school';
}

/** The school's calendar and wall clock at an instant: weekday, YYYY, MM, DD, HH (00-23) and MM. */
export interface SchoolClock {
  readonly weekday: string;
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly hour: string;
  readonly minute: string;
}

// Building a formatter costs far more than using one: keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Where sessions, report days and hours, and quality months read the school's time (one formatter per zone). */
export function schoolClockAt(instant: Date, timeZone: string): SchoolClock {
  const formatter =
    formatters.get(timeZone) ??
    new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  formatters.set(timeZone, formatter);
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return { weekday: String(parts.weekday), year: String(parts.year), month: String(parts.month), day: String(parts.day), hour: String(parts.hour), minute: String(parts.minute) };
}
