import { describe, expect, it } from 'vitest';
import { SchoolCalendar } from '../../../../shared/domain/school/school-calendar';
import { transferAlertPoints, transferAlertsDue, transferDeadline, type TransferAlertInput } from '../../../../shared/domain/transfers/transfer-clock';
import { UnprocessableError } from '../../../../shared/errors/lantern-error';
import { termDates2026to2027 } from '../school/term-calendar-fixture';

const calendar = new SchoolCalendar({ termDates: termDates2026to2027 });

describe('transferDeadline (5 school days, KCSIE)', () => {
  it.each([
    ['a Monday in term: five school days on, over a weekend', '2026-09-14', 'in_term', '2026-09-21'],
    ['the Friday before half-term: the half-term week does not count', '2026-10-23', 'in_term', '2026-11-06'],
    ['a Wednesday in half-term: the first five school days after it', '2026-10-28', 'holiday', '2026-11-06'],
    ['a Saturday in term: counted from the Monday', '2026-09-19', 'in_term', '2026-09-25'],
    ['the Thursday before the early May bank holiday: the Monday does not count', '2027-04-29', 'in_term', '2027-05-07'],
    ['the last day of the autumn term: counted on into the spring term', '2026-12-18', 'in_term', '2027-01-11'],
    ['in the Christmas holiday', '2026-12-28', 'holiday', '2027-01-11'],
    ['in the summer holiday: the first five school days of the autumn term', '2027-07-30', 'holiday', '2027-09-08'],
    ['the day before Good Friday 2026, in the Easter holiday', '2026-04-02', 'holiday', '2026-04-17'],
  ])('leaving on %s (%s)', (_story, leavingDate, basis, deadline) => {
    // Prepare: the school's term dates above, with England's bank holidays

    // Act
    const result = transferDeadline(leavingDate, calendar);

    // Assess
    expect(result).toEqual({ leavingDate, basis, deadline });
  });

  it('skips a bank holiday the school added in its settings', () => {
    // Prepare
    const withExtraHoliday = new SchoolCalendar({ termDates: termDates2026to2027, bankHolidays: { region: 'england_and_wales', additionalDates: ['2026-09-16'] } });

    // Act
    const result = transferDeadline('2026-09-14', withExtraHoliday);

    // Assess
    expect(result.deadline).toBe('2026-09-22');
  });

  it('skips a one-day break such as an INSET day', () => {
    // Prepare
    const autumn = termDates2026to2027[1]!;
    const withInset = new SchoolCalendar({
      termDates: [{ ...autumn, breaks: [...(autumn.breaks ?? []), { name: 'INSET day', start: '2026-09-17', end: '2026-09-17' }] }],
    });

    // Act
    const result = transferDeadline('2026-09-14', withInset);

    // Assess
    expect(result.deadline).toBe('2026-09-22');
  });

  it('refuses, naming the setting, when the term dates stop before the deadline', () => {
    // Prepare
    const onlyAutumn = new SchoolCalendar({ termDates: [termDates2026to2027[1]!] });

    // Act
    const attempt = () => transferDeadline('2026-12-16', onlyAutumn);

    // Assess
    expect(attempt).toThrow(UnprocessableError);
    expect(attempt).toThrow(/^termDates: /);
  });

  it('refuses when the school has entered no term dates', () => {
    // Prepare
    const noTerms = new SchoolCalendar({});

    // Act
    const attempt = () => transferDeadline('2026-09-14', noTerms);

    // Assess
    expect(attempt).toThrow(/^termDates: /);
  });

  it('refuses past the last shipped bank holiday rather than guess', () => {
    // Prepare
    const year2029 = new SchoolCalendar({ termDates: [{ name: 'Spring 2029', start: '2029-01-03', end: '2029-03-29' }] });

    // Act
    const attempt = () => transferDeadline('2028-12-22', year2029);

    // Assess
    expect(attempt).toThrow(/^bankHolidays: /);
  });
});

describe('transferAlertPoints', () => {
  it('alerts 2 school days before the deadline and on it', () => {
    // Prepare
    const { deadline } = transferDeadline('2026-10-28', calendar);

    // Act
    const points = transferAlertPoints(deadline, calendar);

    // Assess
    expect(points).toEqual([
      { kind: 'deadline_approaching', date: '2026-11-04' },
      { kind: 'deadline_day', date: '2026-11-06' },
    ]);
  });

  it('counts the 2 school days back over a weekend and a half-term', () => {
    // Prepare: a Monday deadline straight after half-term

    // Act
    const points = transferAlertPoints('2026-11-02', calendar);

    // Assess
    expect(points[0]).toEqual({ kind: 'deadline_approaching', date: '2026-10-22' });
  });
});

describe('transferAlertsDue at a controlled clock', () => {
  const points = transferAlertPoints('2026-11-06', calendar);
  const open = (alertsSent: TransferAlertInput['alertsSent'] = []): TransferAlertInput => ({ state: 'delivered', alertPoints: points, alertsSent });
  const at = (instant: string) => new Date(instant);

  it.each([
    ['the day before the first alert', '2026-11-03T12:00:00Z', []],
    ['a minute before 8 on the first alert day', '2026-11-04T07:59:00Z', []],
    ['8 o’clock on the first alert day', '2026-11-04T08:00:00Z', ['deadline_approaching']],
    ['the day after, not sent yet', '2026-11-05T10:00:00Z', ['deadline_approaching']],
    ['the deadline morning', '2026-11-06T08:30:00Z', ['deadline_day']],
    ['after the deadline, nothing sent (the earlier alert is superseded)', '2026-11-09T09:00:00Z', ['deadline_day']],
  ])('on %s', (_story, now, expected) => {
    // Prepare
    const transfer = open();

    // Act
    const due = transferAlertsDue(transfer, at(now), 'Europe/London');

    // Assess
    expect(due).toEqual(expected);
  });

  it('does not repeat an alert already sent', () => {
    // Prepare
    const transfer = open(['deadline_approaching']);

    // Act
    const due = transferAlertsDue(transfer, at('2026-11-05T10:00:00Z'), 'Europe/London');

    // Assess
    expect(due).toEqual([]);
  });

  it('sends the deadline alert once the warning was sent', () => {
    // Prepare
    const transfer = open(['deadline_approaching']);

    // Act
    const due = transferAlertsDue(transfer, at('2026-11-06T08:00:00Z'), 'Europe/London');

    // Assess
    expect(due).toEqual(['deadline_day']);
  });

  it.each(['accepted', 'rejected', 'expired'] as const)('sends nothing once the transfer is %s', (state) => {
    // Prepare
    const transfer = { ...open(), state };

    // Act
    const due = transferAlertsDue(transfer, at('2026-11-06T09:00:00Z'), 'Europe/London');

    // Assess
    expect(due).toEqual([]);
  });

  it('reads 8 o’clock in school time in British Summer Time', () => {
    // Prepare
    const summer: TransferAlertInput = { state: 'pending', alertPoints: transferAlertPoints('2027-05-07', calendar), alertsSent: [] };

    // Act
    const before = transferAlertsDue(summer, at('2027-05-05T06:59:00Z'), 'Europe/London');
    const after = transferAlertsDue(summer, at('2027-05-05T07:00:00Z'), 'Europe/London');

    // Assess
    expect(before).toEqual([]);
    expect(after).toEqual(['deadline_approaching']);
  });
});
