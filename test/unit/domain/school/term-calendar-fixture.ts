import type { SchoolTerm } from '../../../../shared/domain/school/school-calendar';

/** A school year like a local authority publishes one (fictional school, real bank holidays). */
export const termDates2026to2027: readonly SchoolTerm[] = [
  { name: 'Summer 2026', start: '2026-04-13', end: '2026-07-22', breaks: [{ name: 'Half-term', start: '2026-05-25', end: '2026-05-29' }] },
  { name: 'Autumn 2026', start: '2026-09-03', end: '2026-12-18', breaks: [{ name: 'Half-term', start: '2026-10-26', end: '2026-10-30' }] },
  { name: 'Spring 2027', start: '2027-01-05', end: '2027-03-25', breaks: [{ name: 'Half-term', start: '2027-02-15', end: '2027-02-19' }] },
  { name: 'Summer 2027', start: '2027-04-12', end: '2027-07-21', breaks: [{ name: 'Half-term', start: '2027-05-31', end: '2027-06-04' }] },
  { name: 'Autumn 2027', start: '2027-09-02', end: '2027-12-17', breaks: [{ name: 'Half-term', start: '2027-10-25', end: '2027-10-29' }] },
];
