import type { Deps } from '../deps';
import type { Category } from '../categories/category';
import type { SchoolProfile } from '../school/school-profile';
import type { StaffProfile } from '../staff/staff-profile';
import type { Student } from '../students/student';
import type { StudentSummary } from '../ports';
import { DEFAULT_LATE_ENTRY_HOURS, type PreparedText, type PupilNames, type QualityContext, type QualityDraft } from './finding';

/** What the roll lookup reads, narrowly (the pupils on the draft come read by the caller). */
export type QualityContextDeps = { readonly students: Pick<Deps['students'], 'withForenames' | 'withInitials'> };

/** Distinct words asked about, at most: a long description still makes a bounded number of Queries. */
const MAX_NAMES_LOOKED_UP = 60;

export interface QualitySchool {
  readonly profile: SchoolProfile;
  readonly catalogue: readonly Category[];
  readonly staff: readonly StaffProfile[];
  /** The pupils on the draft, as the caller already read them. */
  readonly pupils: ReadonlyMap<string, Student>;
  readonly now: Date;
}

/**
 * The roll lookup, the checker's only I/O: pupils on roll whose forename or initials appear
 * in the text. It depends on nothing else the caller reads, so callers start it alongside
 * their other reads.
 */
export async function lookUpRoll(deps: QualityContextDeps, text: PreparedText): Promise<readonly StudentSummary[]> {
  const forenames = [...new Set(text.words.map((word) => word.word))].slice(0, MAX_NAMES_LOOKED_UP);
  const initials = [...new Set(text.initials.map((found) => found.letters))].slice(0, MAX_NAMES_LOOKED_UP);
  const [named, initialled] = await Promise.all([
    forenames.length > 0 ? deps.students.withForenames(forenames) : Promise.resolve([]),
    initials.length > 0 ? deps.students.withInitials(initials) : Promise.resolve([]),
  ]);
  return [...named, ...initialled];
}

/**
 * What the pure checker compares the draft with, from what the caller read: the pupils on
 * the incident, the pupils the roll lookup found (less those on the incident), the active
 * staff, the chosen categories and the school's late-entry thresholds.
 */
export function qualityContextOf(
  draft: QualityDraft & { readonly studentIds: readonly string[] },
  school: QualitySchool,
  rollFound: readonly StudentSummary[],
): QualityContext {
  const pupilsOnIncident: PupilNames[] = draft.studentIds.flatMap((id) => {
    const pupil = school.pupils.get(id);
    return pupil ? [{ id, givenName: pupil.givenName, familyName: pupil.familyName, yearGroup: pupil.yearGroup, className: pupil.className }] : [];
  });
  const linkedIds = new Set(draft.studentIds);
  const roll = [...new Map(rollFound.filter((pupil) => !linkedIds.has(pupil.id)).map((pupil) => [pupil.id, pupil])).values()];
  return {
    now: school.now,
    ...(draft.occurredAt ? { draftOccurredAt: draft.occurredAt } : {}),
    lateEntryHours: school.profile.lateEntryHours ?? DEFAULT_LATE_ENTRY_HOURS,
    categories: draft.categoryIds.flatMap((id) => {
      const category = school.catalogue.find((candidate) => candidate.id === id);
      return category ? [{ id, name: category.name }] : [];
    }),
    onIncident: pupilsOnIncident,
    roll,
    staff: school.staff.filter((member) => member.status === 'active').map(({ givenName, familyName }) => ({ givenName, familyName })),
  };
}
