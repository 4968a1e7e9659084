import * as z from 'zod/mini';
import { isCalendarDate } from '../domain/school/school-calendar';

/** A real date, "YYYY-MM-DD". */
const CalendarDate = z.string().check(z.refine(isCalendarDate, { message: 'must be a date written YYYY-MM-DD' }));

const TermBreak = z
  .object({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)), start: CalendarDate, end: CalendarDate }).check(z.refine((pause) => pause.start <= pause.end, { message: 'ends before it starts', path: ['end'] }));

const SchoolTerm = z
  .object({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
    start: CalendarDate,
    end: CalendarDate,
    breaks: z.optional(z.array(TermBreak).check(z.maxLength(10))),
  }).check(z.refine((term) => term.start <= term.end, { message: 'ends before it starts', path: ['end'] }), z.superRefine((term, context) => {
    (term.breaks ?? []).forEach((pause, index) => {
      if (pause.start < term.start || pause.end > term.end) context.addIssue({ code: 'custom', message: 'is not inside its term', path: ['breaks', index] });
    });
  }));

/** The school's term dates: each a real range, breaks inside their term, no two terms overlapping. */
export const TermDates = z
  .array(SchoolTerm).check(z.maxLength(30), z.superRefine((terms, context) => {
    const sorted = terms.map((term, index) => ({ term, index })).sort((left, right) => left.term.start.localeCompare(right.term.start));
    sorted.slice(1).forEach(({ term, index }, position) => {
      const before = sorted[position]!.term;
      if (term.start <= before.end) context.addIssue({ code: 'custom', message: `overlaps ${before.name}`, path: [index, 'start'] });
    });
  }));

export const BankHolidaySettings = z.object({
  region: z.literal('england_and_wales'),
  additionalDates: z.optional(z.array(CalendarDate).check(z.maxLength(20))),
});
