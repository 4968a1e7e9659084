import { schoolClockAt } from '../incidents/school-session';
import type { SchoolCalendar, SchoolDate } from '../school/school-calendar';
import { isOpenTransferState, type TransferState } from './transfer-state';

/**
 * KCSIE: the DSL sends the child-protection file to the new school within 5 school days of
 * an in-year move, or within the first 5 school days of a new term.
 */
export const TRANSFER_SCHOOL_DAYS = 5;
/** DSLs are reminded this many school days before the deadline, and on the deadline. */
export const WARNING_SCHOOL_DAYS = 2;
/** An alert falls due at this hour (school time) of its day, when DSLs are at work. */
export const ALERT_HOUR = 8;

/**
 * `in_term`: the pupil left on a day in term (a weekend in term included): 5 school days from
 * the leaving date. `holiday`: they left in a holiday (half-term or between terms): the first
 * 5 school days after it. Both count school days after the leaving date; the basis is what
 * the DSL is shown.
 */
export type DeadlineBasis = 'in_term' | 'holiday';

export interface TransferDeadline {
  readonly leavingDate: SchoolDate;
  readonly basis: DeadlineBasis;
  /** The last school day on which the transfer is on time. */
  readonly deadline: SchoolDate;
}

export function transferDeadline(leavingDate: SchoolDate, calendar: SchoolCalendar): TransferDeadline {
  return {
    leavingDate,
    basis: calendar.isHoliday(leavingDate) ? 'holiday' : 'in_term',
    deadline: calendar.schoolDayAfter(leavingDate, TRANSFER_SCHOOL_DAYS),
  };
}

export type TransferAlertKind = 'deadline_approaching' | 'deadline_day';

export interface TransferAlertPoint {
  readonly kind: TransferAlertKind;
  /** The school day it falls due on, from ALERT_HOUR school time. */
  readonly date: SchoolDate;
}

/** When the DSLs are alerted about a transfer still open: 2 school days before the deadline, and on it. In date order. */
export function transferAlertPoints(deadline: SchoolDate, calendar: SchoolCalendar): readonly TransferAlertPoint[] {
  return [
    { kind: 'deadline_approaching', date: calendar.schoolDayBefore(deadline, WARNING_SCHOOL_DAYS) },
    { kind: 'deadline_day', date: deadline },
  ];
}

export interface TransferAlertInput {
  readonly state: TransferState;
  readonly alertPoints: readonly TransferAlertPoint[];
  /** The alerts already sent for this transfer. */
  readonly alertsSent: readonly TransferAlertKind[];
}

/**
 * Which alert to send now, if any: the latest alert point that has fallen due and was not
 * sent yet, while the transfer is open. An earlier point that was missed (the scheduler was
 * late) is superseded by a later one, so DSLs are not told "2 days left" on the deadline.
 */
export function transferAlertsDue(transfer: TransferAlertInput, now: Date, timeZone: string): readonly TransferAlertKind[] {
  if (!isOpenTransferState(transfer.state)) return [];
  const clock = schoolClockAt(now, timeZone);
  const today = `${clock.year}-${clock.month}-${clock.day}`;
  const afterAlertHour = Number(clock.hour) >= ALERT_HOUR;
  const due = [...transfer.alertPoints]
    .sort((left, right) => left.date.localeCompare(right.date))
    .filter((point) => point.date < today || (point.date === today && afterAlertHour));
  const latest = due.at(-1);
  return latest && !transfer.alertsSent.includes(latest.kind) ? [latest.kind] : [];
}
