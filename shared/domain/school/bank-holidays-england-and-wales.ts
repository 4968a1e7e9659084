/**
 * Bank holidays in England and Wales, 2025–2028, typed in by hand from GOV.UK
 * (https://www.gov.uk/bank-holidays, the `england-and-wales` division of
 * https://www.gov.uk/bank-holidays.json), substitute days included. GOV.UK publishes about
 * two years ahead: the 2028 dates follow the Banking and Financial Dealings Act 1971 rules
 * (and the usual proclamations) and must be checked against GOV.UK once it lists them.
 * `test/unit/domain/school/bank-holidays.test.ts` checks every date against those rules.
 * A one-off holiday (a coronation, a jubilee) is added by the school in its settings
 * (`bankHolidays.additionalDates`) until this list is updated.
 */
export const bankHolidaysEnglandAndWales: readonly { readonly date: string; readonly title: string }[] = [
  { date: '2025-01-01', title: 'New Year’s Day' },
  { date: '2025-04-18', title: 'Good Friday' },
  { date: '2025-04-21', title: 'Easter Monday' },
  { date: '2025-05-05', title: 'Early May bank holiday' },
  { date: '2025-05-26', title: 'Spring bank holiday' },
  { date: '2025-08-25', title: 'Summer bank holiday' },
  { date: '2025-12-25', title: 'Christmas Day' },
  { date: '2025-12-26', title: 'Boxing Day' },
  { date: '2026-01-01', title: 'New Year’s Day' },
  { date: '2026-04-03', title: 'Good Friday' },
  { date: '2026-04-06', title: 'Easter Monday' },
  { date: '2026-05-04', title: 'Early May bank holiday' },
  { date: '2026-05-25', title: 'Spring bank holiday' },
  { date: '2026-08-31', title: 'Summer bank holiday' },
  { date: '2026-12-25', title: 'Christmas Day' },
  { date: '2026-12-28', title: 'Boxing Day (substitute day)' },
  { date: '2027-01-01', title: 'New Year’s Day' },
  { date: '2027-03-26', title: 'Good Friday' },
  { date: '2027-03-29', title: 'Easter Monday' },
  { date: '2027-05-03', title: 'Early May bank holiday' },
  { date: '2027-05-31', title: 'Spring bank holiday' },
  { date: '2027-08-30', title: 'Summer bank holiday' },
  { date: '2027-12-27', title: 'Christmas Day (substitute day)' },
  { date: '2027-12-28', title: 'Boxing Day (substitute day)' },
  { date: '2028-01-03', title: 'New Year’s Day (substitute day)' },
  { date: '2028-04-14', title: 'Good Friday' },
  { date: '2028-04-17', title: 'Easter Monday' },
  { date: '2028-05-01', title: 'Early May bank holiday' },
  { date: '2028-05-29', title: 'Spring bank holiday' },
  { date: '2028-08-28', title: 'Summer bank holiday' },
  { date: '2028-12-25', title: 'Christmas Day' },
  { date: '2028-12-26', title: 'Boxing Day' },
];

/** The last date the shipped list covers: a deadline past it is refused, not guessed. */
export const bankHolidaysEnglandAndWalesCoverUntil = '2028-12-31';
