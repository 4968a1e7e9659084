import { describe, expect, it } from 'vitest';
import { sessionOf } from '../../../../shared/domain/incidents/school-session';
import { defaultSchoolProfile } from '../../../../shared/domain/school/school-profile';

// 08:45 morning, 12:00 lunch, 13:00 afternoon, 15:15 end of the day.
const timetable = defaultSchoolProfile.timetable;
const london = 'Europe/London';
const at = (instant: string) => sessionOf(new Date(instant), london, timetable);

describe('sessionOf in Europe/London', () => {
  it('places 08:30 on a June morning (07:30Z, British Summer Time) before school', () => {
    // Prepare
    const juneMorning = '2026-06-10T07:30:00Z';

    // Act
    const facts = at(juneMorning);

    // Assess
    expect(facts).toEqual({ dayOfWeek: 'Wednesday', session: 'before_school', localTime: '08:30', localDate: '2026-06-10' });
  });

  it('places 08:30 on a December morning (08:30Z, GMT) before school too', () => {
    // Prepare
    const decemberMorning = '2026-12-09T08:30:00Z';

    // Act
    const facts = at(decemberMorning);

    // Assess
    expect(facts).toEqual({ dayOfWeek: 'Wednesday', session: 'before_school', localTime: '08:30', localDate: '2026-12-09' });
  });

  it.each([
    ['2026-06-10T07:44:00Z', '08:44', 'before_school'],
    ['2026-06-10T07:45:00Z', '08:45', 'am'],
    ['2026-06-10T10:59:00Z', '11:59', 'am'],
    ['2026-06-10T11:00:00Z', '12:00', 'lunch'],
    ['2026-06-10T11:59:00Z', '12:59', 'lunch'],
    ['2026-06-10T12:00:00Z', '13:00', 'pm'],
    ['2026-06-10T14:14:00Z', '15:14', 'pm'],
    ['2026-06-10T14:15:00Z', '15:15', 'after_school'],
  ] as const)('in summer, %s (%s local) is %s', (instant, localTime, session) => {
    // Prepare
    const summerInstant = instant;

    // Act
    const facts = at(summerInstant);

    // Assess
    expect(facts).toMatchObject({ localTime, session });
  });

  it.each([
    ['2026-12-09T08:44:00Z', 'before_school'],
    ['2026-12-09T08:45:00Z', 'am'],
    ['2026-12-09T12:00:00Z', 'lunch'],
    ['2026-12-09T13:00:00Z', 'pm'],
    ['2026-12-09T15:15:00Z', 'after_school'],
  ] as const)('in winter, %s is %s (local time equals UTC)', (instant, session) => {
    // Prepare
    const winterInstant = instant;

    // Act
    const facts = at(winterInstant);

    // Assess
    expect(facts.session).toBe(session);
    expect(facts.localTime).toBe(instant.slice(11, 16));
  });

  it('moves the clocks forward at 01:00 UTC on 29 March 2026', () => {
    // Prepare
    const justBefore = '2026-03-29T00:59:00Z';
    const atTheChange = '2026-03-29T01:00:00Z';

    // Act
    const before = at(justBefore);
    const after = at(atTheChange);

    // Assess
    expect(before).toMatchObject({ dayOfWeek: 'Sunday', localTime: '00:59' });
    expect(after).toMatchObject({ dayOfWeek: 'Sunday', localTime: '02:00' });
  });

  it('starts the Monday after the spring change at 07:45Z, while the Friday before started at 08:45Z', () => {
    // Prepare
    const fridayBefore = '2026-03-27T08:45:00Z';
    const mondayAfterEarly = '2026-03-30T07:44:00Z';
    const mondayAfter = '2026-03-30T07:45:00Z';

    // Act
    const sessions = [at(fridayBefore), at(mondayAfterEarly), at(mondayAfter)].map((facts) => [facts.dayOfWeek, facts.session]);

    // Assess
    expect(sessions).toEqual([
      ['Friday', 'am'],
      ['Monday', 'before_school'],
      ['Monday', 'am'],
    ]);
  });

  it('moves the clocks back at 01:00 UTC on 25 October 2026', () => {
    // Prepare
    const justBefore = '2026-10-25T00:59:00Z';
    const atTheChange = '2026-10-25T01:00:00Z';

    // Act
    const before = at(justBefore);
    const after = at(atTheChange);

    // Assess
    expect(before).toMatchObject({ dayOfWeek: 'Sunday', localTime: '01:59' });
    expect(after).toMatchObject({ dayOfWeek: 'Sunday', localTime: '01:00' });
  });

  it('treats 07:45Z as am on the Friday before the autumn change and before school on the Monday after', () => {
    // Prepare
    const fridayBefore = '2026-10-23T07:45:00Z';
    const mondayAfter = '2026-10-26T07:45:00Z';

    // Act
    const sessions = [at(fridayBefore), at(mondayAfter)].map((facts) => [facts.dayOfWeek, facts.session, facts.localTime]);

    // Assess
    expect(sessions).toEqual([
      ['Friday', 'am', '08:45'],
      ['Monday', 'before_school', '07:45'],
    ]);
  });

  it('dates 23:30Z on a summer Friday as Saturday at the school', () => {
    // Prepare
    const lateFridayUtc = '2026-06-12T23:30:00Z';

    // Act
    const facts = at(lateFridayUtc);

    // Assess
    expect(facts).toEqual({ dayOfWeek: 'Saturday', session: 'before_school', localTime: '00:30', localDate: '2026-06-13' });
  });

  it('keeps 23:30Z on a winter Friday on Friday, after school', () => {
    // Prepare
    const lateFridayUtc = '2026-12-11T23:30:00Z';

    // Act
    const facts = at(lateFridayUtc);

    // Assess
    expect(facts).toEqual({ dayOfWeek: 'Friday', session: 'after_school', localTime: '23:30', localDate: '2026-12-11' });
  });

  it('follows the school’s own timetable', () => {
    // Prepare
    const earlyStart = { ...timetable, morningStarts: '08:30' };

    // Act
    const facts = sessionOf(new Date('2026-12-09T08:30:00Z'), london, earlyStart);

    // Assess
    expect(facts.session).toBe('am');
  });
});
