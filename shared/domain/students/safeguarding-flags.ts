import { ValidationError } from '../../errors/lantern-error';

/**
 * Safeguarding flags a DSL sets on a pupil (issue 11), each with a start, an optional end
 * and the reason. `school` flags carry the school's own label.
 */
export const flagKinds = [
  'child_protection_plan',
  'child_in_need',
  'looked_after',
  'previously_looked_after',
  'early_help',
  'ehcp_sen',
  'young_carer',
  'operation_encompass',
  'school',
] as const;
export type FlagKind = (typeof flagKinds)[number];

export interface SafeguardingFlag {
  readonly kind: FlagKind;
  /** The school's name for a `school` flag; absent otherwise. */
  readonly label?: string;
  readonly startDate: string;
  readonly endDate?: string;
  readonly reason: string;
}

/** What a DSL keeps about a pupil beyond the MIS export; versioned like an incident. */
export interface PupilSafeguarding {
  readonly studentId: string;
  readonly flags: readonly SafeguardingFlag[];
  readonly keyAdultStaffId?: string;
  /** The consistent child identifier (Children's Wellbeing and Schools Act 2026). */
  readonly nhsNumber?: string;
  readonly version: number;
  readonly updatedAt?: string;
  readonly updatedBy?: string;
}

/** One change to a pupil's safeguarding record: who, when, why, before and after. */
export interface SafeguardingVersion {
  readonly studentId: string;
  readonly version: number;
  readonly at: string;
  readonly by: string;
  readonly reason: string;
  readonly before: Omit<PupilSafeguarding, 'version' | 'updatedAt' | 'updatedBy' | 'studentId'>;
  readonly after: Omit<PupilSafeguarding, 'version' | 'updatedAt' | 'updatedBy' | 'studentId'>;
}

export const emptySafeguarding = (studentId: string): PupilSafeguarding => ({ studentId, flags: [], version: 0 });

/** An NHS number: ten digits whose last is the modulus 11 check digit of the first nine. */
export function isNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 9).reduce((total, digit, index) => total + digit * (10 - index), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === digits[9];
}

/** Flags whose dates make sense: the end, when given, is not before the start; school flags are named. */
export function assertFlagsValid(flags: readonly SafeguardingFlag[]): void {
  flags.forEach((flag, index) => {
    if (flag.endDate && flag.endDate < flag.startDate) throw ValidationError.forField(`flags.${index}.endDate`, 'is before the start date');
    if (flag.kind === 'school' && !flag.label) throw ValidationError.forField(`flags.${index}.label`, "names the school's own flag and is required for kind school");
    if (flag.kind !== 'school' && flag.label) throw ValidationError.forField(`flags.${index}.label`, 'is only for school-defined flags');
  });
}

/** True while the flag applies on `date` (YYYY-MM-DD). */
export const isCurrentFlag = (flag: SafeguardingFlag, date: string) => flag.startDate <= date && (!flag.endDate || flag.endDate >= date);
