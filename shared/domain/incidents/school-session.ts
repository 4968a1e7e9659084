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
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'long',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
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
