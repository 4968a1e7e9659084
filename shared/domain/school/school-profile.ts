import type { LateEntryHours } from '../quality/finding';
import type { ReferralAgency } from '../referrals/referral';
import type { ResponseTimescale } from '../referrals/response-timescales';
import type { BankHolidaySettings, SchoolTerm } from './school-calendar';

/**
 * What the school sets up once: where things happen and when its sessions run. Sessions
 * let a DSL look for patterns (seed 001: "Session – this is important for considering
 * patterns").
 */
export type SchoolSession = 'before_school' | 'am' | 'lunch' | 'pm' | 'after_school';

export interface Timetable {
  /** Local wall-clock times, "HH:MM", in the school's timezone. */
  readonly morningStarts: string;
  readonly lunchStarts: string;
  readonly afternoonStarts: string;
  readonly afternoonEnds: string;
}

export interface SchoolProfile {
  readonly locations: readonly string[];
  readonly timetable: Timetable;
  /** Staff apps sign out after this long without input (staff record with children nearby). */
  readonly idleSignOutMinutes: number;
  /** When an entry counts as late for the recording-quality checker; the defaults otherwise. */
  readonly lateEntryHours?: LateEntryHours;
  /** When each agency's response to a referral is due; unset agencies use the defaults. */
  readonly referralTimescales?: Partial<Readonly<Record<ReferralAgency, ResponseTimescale>>>;
  /**
   * The school's terms and their half-terms, as it (or its local authority) publishes them:
   * the child-protection file transfer deadline is counted in school days (KCSIE). Unset
   * until the school enters them; a deadline is then refused, never guessed.
   */
  readonly termDates?: readonly SchoolTerm[];
  /** Which bank holidays the school keeps; England and Wales's when unset. */
  readonly bankHolidays?: BankHolidaySettings;
}

const DEFAULT_IDLE_SIGN_OUT_MINUTES = 10;

export const defaultSchoolProfile: SchoolProfile = {
  locations: [
    'Classroom',
    'Corridor',
    'Hall',
    'Dining hall',
    'Playground',
    'Field',
    'Toilets',
    'Library',
    'Office',
    'Breakfast club',
    'After-school club',
    'School gate',
    'Off site (school trip)',
    'Online',
    'Home',
    'Other',
  ],
  timetable: { morningStarts: '08:45', lunchStarts: '12:00', afternoonStarts: '13:00', afternoonEnds: '15:15' },
  idleSignOutMinutes: DEFAULT_IDLE_SIGN_OUT_MINUTES,
};
