import type { ReferralAgency } from './referral';

/**
 * How long the school expects each agency to take to respond. Working Together 2023: local
 * authority children's social care decides within one working day of a referral what type of
 * response is needed. The others are the school's own timescales (most local safeguarding
 * partnerships publish theirs); a school may set any of them, in working days or in minutes.
 */
export type ResponseTimescale = { readonly workingDays: number } | { readonly minutes: number };

export const defaultResponseTimescales: Readonly<Record<ReferralAgency, ResponseTimescale>> = {
  childrens_social_care: { workingDays: 1 },
  lado: { workingDays: 1 },
  police: { workingDays: 1 },
  prevent: { workingDays: 5 },
  early_help: { workingDays: 10 },
  camhs: { workingDays: 20 },
  other: { workingDays: 10 },
};

/**
 * The due time: `minutes` after it was made, or the same time of day that many working days
 * on (Monday to Friday; bank holidays are not known to Lantern, so a DSL may see one a day early).
 */
export function responseDueAt(madeAt: Date, timescale: ResponseTimescale): Date {
  if ('minutes' in timescale) return new Date(madeAt.getTime() + timescale.minutes * 60_000);
  const due = new Date(madeAt.getTime());
  let remaining = timescale.workingDays;
  while (remaining > 0) {
    due.setUTCDate(due.getUTCDate() + 1);
    const day = due.getUTCDay();
    if (day !== 0 && day !== 6) remaining -= 1;
  }
  return due;
}
