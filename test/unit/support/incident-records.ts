import type { Alert } from '../../../shared/domain/alerts/alert';
import type { Incident, IncidentAction } from '../../../shared/domain/incidents/incident';
import { pupilsOf, staffOf } from './school-cast';

/** An incident as the domain stores it; override what the test is about. */
export function incidentFixture(overrides: Partial<Incident> = {}): Incident {
  return {
    id: '01JHT0000000000000000000I1',
    studentId: pupilsOf.subject.id,
    linkedStudents: [{ studentId: pupilsOf.classmate.id, role: 'alleged_perpetrator' }],
    occurredAt: '2025-01-15T09:40:00.000Z',
    recordedAt: '2025-01-15T10:00:00.000Z',
    dayOfWeek: 'Wednesday',
    session: 'am',
    location: 'Playground',
    description: 'Amara said "he pushed me off the bench" and showed me a graze.',
    categories: [{ categoryId: 'behaviour', subCategoryIds: ['physical-harm-pupil'], fields: {} }],
    bodyMap: [],
    status: 'active',
    authorId: staffOf.author.id,
    assignedTo: [],
    alert: { staffIds: [staffOf.designatedLead.id], groupIds: [] },
    alertedStaffIds: [staffOf.designatedLead.id],
    agencies: [],
    version: 1,
    ...overrides,
  };
}

export function actionFixture(overrides: Partial<IncidentAction> = {}): IncidentAction {
  return {
    id: '01JHT0000000000000000000X1',
    incidentId: '01JHT0000000000000000000I1',
    text: 'Phoned home.',
    authorId: staffOf.author.id,
    taggedStaffIds: [],
    createdAt: '2025-01-15T11:00:00.000Z',
    ...overrides,
  };
}

export function alertFixture(overrides: Partial<Alert> = {}): Alert {
  return {
    id: '01JHT0000000000000000000A1',
    recipientId: staffOf.designatedLead.id,
    incidentId: '01JHT0000000000000000000I1',
    kind: 'incident',
    authorId: staffOf.author.id,
    authorName: 'Rukhsana Ahmed',
    categoryNames: ['Behaviour'],
    studentId: pupilsOf.subject.id,
    createdAt: '2025-01-15T10:00:00.000Z',
    ...overrides,
  };
}
