import type * as z from 'zod';
import { NewAction, NewIncident } from '../../../shared/schemas/incidents';
import { pupilsOf } from './school-cast';

/** A body as a member of staff would send it; the pupil's name never appears in it. */
export const incidentBody = (overrides: Partial<z.input<typeof NewIncident>> = {}): z.input<typeof NewIncident> => ({
  studentId: pupilsOf.subject.id,
  description: 'At 09:40 Amara said "he pushed me off the bench" and showed me a graze on her left elbow.',
  categories: [{ categoryId: 'behaviour', subCategoryIds: ['physical-harm-pupil'] }],
  ...overrides,
});

/** The body parsed as the route parses it, defaults applied. */
export const incidentInput = (overrides: Partial<z.input<typeof NewIncident>> = {}): NewIncident => NewIncident.parse(incidentBody(overrides));

export const actionInput = (overrides: Partial<z.input<typeof NewAction>> = {}): NewAction =>
  NewAction.parse({ text: 'Spoke to Amara at lunch; she said she feels safe in class now.', ...overrides });
