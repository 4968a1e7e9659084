import { DEFAULT_LATE_ENTRY_HOURS, type PupilNames, type QualityContext } from '../../../../shared/domain/quality/finding';

/** Fictional pupils and staff the rule tests compare text with. */
export const derek: PupilNames = { id: 'pupil-derek', givenName: 'Derek', familyName: 'Marsh', yearGroup: 'Year 4', className: '4M' };
export const sally: PupilNames = { id: 'pupil-sally', givenName: 'Sally', familyName: 'Quinn', yearGroup: 'Year 1', className: '1Q' };
export const ava: PupilNames = { id: 'pupil-ava', givenName: 'Ava', familyName: 'Thompson', yearGroup: 'Year 3', className: '3P' };
export const jackSmith: PupilNames = { id: 'pupil-jack', givenName: 'Jack', familyName: 'Smith', yearGroup: 'Year 5', className: '5O' };

export const now = new Date('2023-12-12T19:24:00.000Z');

export function context(overrides: Partial<QualityContext> = {}): QualityContext {
  return {
    now,
    draftOccurredAt: now.toISOString(),
    lateEntryHours: DEFAULT_LATE_ENTRY_HOURS,
    categories: [{ id: 'behaviour', name: 'Behaviour' }],
    onIncident: [derek],
    roll: [],
    staff: [
      { givenName: 'Hannah', familyName: 'Price' },
      { givenName: 'Gemma', familyName: 'Brown' },
    ],
    ...overrides,
  };
}
