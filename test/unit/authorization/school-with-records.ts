import type { Alert, AlertGroup } from '../../../shared/domain/alerts/alert';
import type { Incident, IncidentCategory } from '../../../shared/domain/incidents/incident';
import type { StaffProfile } from '../../../shared/domain/staff/staff-profile';
import type { Student } from '../../../shared/domain/students/student';
import type { Referral } from '../../../shared/domain/referrals/referral';
import { defaultCategories } from '../../../shared/domain/categories/default-categories';
import { displayName } from '../../../shared/domain/staff/staff-profile';
import { auditEventFixture } from '../support/audit-events';
import { fakeDeps, InMemoryCategoryCatalogue, InMemoryStaffDirectory, InMemoryStudentDirectory, InMemoryAlertGroupDirectory, type FakeDeps } from '../support/fake-deps';
import { staffProfile } from '../support/staff-profiles';
import { personaFacts, personas, staffIdOf, type SignedInPersona } from './personas';

/**
 * The records the matrix is measured against, each written by the author persona with
 * the alerted persona alerted. What differs is who may view their categories once elevated.
 */
export const recordKinds = ['behaviour', 'safeguarding', 'childProtection'] as const;
export type RecordKind = (typeof recordKinds)[number];

const choice = (categoryId: string, subCategoryIds: string[] = []): IncidentCategory => ({ categoryId, subCategoryIds, fields: {} });

/** Behaviour is open to SLT; Safeguarding and Child Protection are for DSLs only (default categories). */
export const categoriesOf: Record<RecordKind, readonly IncidentCategory[]> = {
  behaviour: [choice('behaviour', ['disruption'])],
  safeguarding: [choice('behaviour', ['verbal-abuse-pupil']), choice('safeguarding', ['emotional-abuse'])],
  // Only a DSL applies Child Protection; the author's concern was re-categorised by one.
  childProtection: [choice('child-protection')],
};

export const incidentIdOf = (record: RecordKind) => `incident-${record}`;
/** A referral a DSL made from each record, awaiting the agency's answer. */
export const referralIdOf = (record: RecordKind) => `referral-${record}`;
export const referralOn = (record: RecordKind): Referral => ({
  id: referralIdOf(record),
  incidentId: incidentIdOf(record),
  studentId: pupil.id,
  agency: 'early_help',
  madeAt: '2025-01-14T12:00:00.000Z',
  madeBy: staffIdOf('dslElevated'),
  responseDueAt: '2025-01-28T12:00:00.000Z',
  state: 'made',
  recordedBy: staffIdOf('dslElevated'),
  recordedAt: '2025-01-14T12:05:00.000Z',
});
/** The alert the alerted persona received for a record. */
export const recordAlertIdOf = (record: RecordKind) => `alert-${record}-staffAlerted`;
/** Every signed-in persona's own alert, from a staff-room notice unrelated to the matrix records. */
export const noticeAlertIdOf = (persona: SignedInPersona) => `alert-notice-${persona}`;

export const pupil: Student = {
  id: 'student-amara',
  upn: 'A123456789012',
  givenName: 'Amara',
  familyName: 'Osei',
  dateOfBirth: '2016-05-14',
  yearGroup: 'Year 4',
  className: '4 Oak',
  status: 'on_roll',
};

/** Not a persona: writes the staff-room notice, and is the account administrators change. */
export const teachingAssistant: StaffProfile = staffProfile({
  id: '0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8a009',
  email: 'l.park@castlemead.example.sch.uk',
  givenName: 'Lily',
  familyName: 'Park',
  jobTitle: 'Teaching assistant, Year 1',
});

export const seniorLeadershipGroup: AlertGroup = {
  id: 'senior-leadership',
  name: 'Senior leadership',
  description: 'The SLT button',
  memberIds: [staffIdOf('sltElevated'), staffIdOf('dslElevated')],
};

/** A group nobody is in yet: an administrator may rename or remove it. */
export const emptyAlertGroup: AlertGroup = { id: 'year-1-team', name: 'Year 1 team', description: 'Everyone in Year 1', memberIds: [] };

/** A category no matrix record uses, for administrators to change. */
export const spareCategoryId = 'home-visit';

const signedInPersonas = personas.filter((persona): persona is SignedInPersona => persona !== 'anonymous');

function incident(id: string, author: StaffProfile, categories: readonly IncidentCategory[], alerted: readonly string[]): Incident {
  return {
    id,
    studentId: pupil.id,
    linkedStudents: [],
    occurredAt: '2025-01-14T10:30:00.000Z',
    recordedAt: '2025-01-14T11:05:00.000Z',
    dayOfWeek: 'Tuesday',
    session: 'am',
    location: 'Classroom',
    description: 'Amara said "I do not want to go home tonight" while we were lining up for break.',
    categories,
    bodyMap: [],
    status: 'active',
    authorId: author.id,
    assignedTo: [],
    alert: { staffIds: [...alerted], groupIds: [] },
    alertedStaffIds: [...alerted],
    agencies: [],
    version: 1,
  };
}

function alertsFor(record: Incident, author: StaffProfile, alertIdFor: (recipientId: string) => string): Alert[] {
  const categoryNames = record.categories.map((picked) => defaultCategories.find((category) => category.id === picked.categoryId)!.name);
  return record.alertedStaffIds.map((recipientId) => ({
    id: alertIdFor(recipientId),
    recipientId,
    incidentId: record.id,
    kind: 'incident',
    authorId: author.id,
    authorName: displayName(author),
    categoryNames,
    studentId: record.studentId,
    createdAt: record.recordedAt,
  }));
}

/**
 * A fresh school for one matrix cell: every persona's profile, the default categories,
 * one pupil, an alert group, the three matrix records and a staff-room notice that gave
 * every signed-in persona an alert of their own.
 */
export async function schoolWithRecords(): Promise<FakeDeps> {
  const author = personaFacts.staffAuthor.profile;
  const deps = fakeDeps({
    staff: new InMemoryStaffDirectory([...signedInPersonas.map((persona) => personaFacts[persona].profile), teachingAssistant]),
    students: new InMemoryStudentDirectory([pupil]),
    categories: new InMemoryCategoryCatalogue([...defaultCategories]),
    alertGroups: new InMemoryAlertGroupDirectory([{ ...seniorLeadershipGroup }, { ...emptyAlertGroup }]),
  });

  // Every account has its sign-in account too, so group changes reach the identity provider.
  for (const profile of deps.staff.profiles.values()) {
    const account = { email: profile.email, givenName: profile.givenName, familyName: profile.familyName, groups: [...profile.groups] };
    deps.identity.accounts.set(profile.email, { staffId: profile.id, account, groups: [...profile.groups], enabled: true });
  }

  for (const record of recordKinds) {
    const written = incident(incidentIdOf(record), author, categoriesOf[record], [staffIdOf('staffAlerted')]);
    await deps.incidents.record({
      incident: written,
      alerts: alertsFor(written, author, () => recordAlertIdOf(record)),
      audit: auditEventFixture({ id: `audit-${record}`, action: 'incident.create', staffId: author.id, groups: [...author.groups], recordType: 'incident', recordId: written.id, studentIds: [pupil.id] }),
      events: [],
    });
  }

  const notice = incident('incident-notice', teachingAssistant, [choice('contact')], signedInPersonas.map(staffIdOf));
  const personaById = new Map(signedInPersonas.map((persona) => [staffIdOf(persona), persona]));
  await deps.incidents.record({
    incident: notice,
    alerts: alertsFor(notice, teachingAssistant, (recipientId) => noticeAlertIdOf(personaById.get(recipientId)!)),
    audit: auditEventFixture({ id: 'audit-notice', action: 'incident.create', staffId: teachingAssistant.id, groups: ['staff'], recordType: 'incident', recordId: notice.id, studentIds: [pupil.id] }),
    events: [],
  });
  return deps;
}
