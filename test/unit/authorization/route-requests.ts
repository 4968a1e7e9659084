import type { RouteId } from '../../../shared/api/routes';
import type { PupilImport } from '../../../shared/domain/students/import/pupil-import';
import { noCounts } from '../../../shared/domain/students/import/plan-import';
import type { FakeDeps } from '../support/fake-deps';
import type { EncompassNotification } from '../../../shared/domain/partners/encompass-notification';
import { accessTokenOf, staffIdOf, type Persona } from './personas';
import { categoriesOf, incidentIdOf, referralIdOf, referralOn, noticeAlertIdOf, pupil, recordAlertIdOf, seniorLeadershipGroup, spareCategoryId, teachingAssistant, type RecordKind } from './school-with-records';

/** A police notification about the pupil, as a force's system sends it. */
export const encompassNotificationFor = (child: { givenName: string; familyName: string; dateOfBirth: string }, policeReference = 'NP/2025/004417') => ({
  policeReference,
  child: { givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth },
  occurredAt: '2025-01-14T21:40:00Z',
  location: 'The family home',
  childPresent: true,
  childVoice: 'Said she hid upstairs with her brother and heard shouting.',
  circumstances: 'Officers attended a verbal argument between the adults; no arrests.',
});

/** A notification the roll could not match, waiting for a DSL. */
export const unmatchedNotification: EncompassNotification = {
  ...encompassNotificationFor({ givenName: 'Amarah', familyName: 'Osei', dateOfBirth: '2016-05-14' }, 'NP/2025/004400'),
  id: 'encompass-unmatched',
  clientId: 'police-client',
  receivedAt: '2025-01-15T07:10:00.000Z',
  forSchoolDay: '2025-01-15',
  status: 'unmatched',
  unmatchedReason: 'no_match',
};

/** What a cell sends beyond the caller's token: valid input, so only the access decision varies. */
export interface RouteRequest {
  readonly pathParameters?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly body?: unknown;
  /** Anything the school must hold before this request (beyond `schoolWithRecords`). */
  readonly arrange?: (deps: FakeDeps) => Promise<void>;
}

export type RequestFor = (persona: Persona, record: RecordKind) => RouteRequest;

const nothing: RequestFor = () => ({});

/** The caller's own alert: the one the record raised for the alerted persona, else their staff-room notice. */
const ownAlertId = (persona: Persona, record: RecordKind) =>
  persona === 'staffAlerted' || persona === 'anonymous' ? recordAlertIdOf(record) : noticeAlertIdOf(persona);

/**
 * A valid request for every route, for each persona and record. The type makes a route
 * without a request a compile error; the matrix also checks the key sets at run time.
 */
export const requests: Readonly<Record<RouteId, RequestFor>> = {
  'health.read': nothing,
  'config.read': nothing,
  'openapi.read': nothing,
  'me.read': nothing,
  'school.read': nothing,
  'students.search': () => ({ query: { query: pupil.givenName.slice(0, 2) } }),
  'staff.list': () => ({ query: { query: 'P' } }),
  'alertGroups.list': nothing,
  'categories.list': nothing,
  'incidents.create': (_persona, record) => ({
    body: {
      studentId: pupil.id,
      occurredAt: '2025-01-15T09:40:00.000Z',
      description: 'Amara told me at the classroom door that she had not had breakfast.',
      categories: categoriesOf[record],
    },
  }),
  'incidents.read': (_persona, record) => ({ pathParameters: { id: incidentIdOf(record) } }),
  'actions.create': (_persona, record) => ({
    pathParameters: { id: incidentIdOf(record) },
    body: { text: 'Spoke to Amara at lunch; she said she was fine. Passed this on to the class teacher.' },
  }),
  'alerts.list': () => ({ query: { unread: 'true' } }),
  'alerts.markRead': (persona, record) => ({ pathParameters: { id: ownAlertId(persona, record) } }),
  'alerts.acknowledge': (persona, record) => ({ pathParameters: { id: ownAlertId(persona, record) } }),
  'me.incidents.list': nothing,
  'me.reminders.list': nothing,
  'me.mfa.setup': nothing,
  'me.mfa.verify': (persona) => ({
    body: { code: '123456' },
    // Setup came first, with the same access token.
    arrange: async (deps) => {
      if (persona !== 'anonymous') await deps.identity.associateAuthenticator(accessTokenOf(persona));
    },
  }),
  'staff.create': () => ({
    body: { email: 'n.ward@castlemead.example.sch.uk', givenName: 'Nadia', familyName: 'Ward', jobTitle: 'Midday supervisor', groups: ['staff'] },
  }),
  'staff.update': () => ({ pathParameters: { id: teachingAssistant.id }, body: { jobTitle: 'Higher level teaching assistant, Year 1' } }),
  'alertGroups.create': () => ({ body: { name: 'Year 4 team', description: 'Everyone who works in Year 4', memberIds: [teachingAssistant.id] } }),
  'alertGroups.update': () => ({ pathParameters: { id: seniorLeadershipGroup.id }, body: { name: 'Senior leadership team' } }),
  'alertGroups.delete': () => ({ pathParameters: { id: seniorLeadershipGroup.id } }),
  'categories.create': () => ({
    body: { id: 'online-safety', name: 'Online safety', guidance: 'When a child has met something harmful online.', appliedBy: ['staff'], visibleTo: ['dsl'] },
  }),
  'categories.update': () => ({ pathParameters: { id: spareCategoryId }, body: { guidance: "When you have visited a child's home, with the reason." } }),
  'audit.read': (_persona, record) => ({ query: { recordId: incidentIdOf(record) } }),
  'quality.check': () => ({ body: { description: 'Last week Amara was kicking off.', studentId: pupil.id, categories: [{ categoryId: 'behaviour' }] } }),
  'reports.recordingQuality': () => ({ query: { from: '2025-01', to: '2025-03' } }),
  'students.read': () => ({ pathParameters: { id: pupil.id } }),
  'students.chronology': (_persona, record) => ({ pathParameters: { id: pupil.id }, query: { categoryId: categoriesOf[record][0]!.categoryId } }),
  'students.exports.create': (_persona, record) => ({ pathParameters: { id: pupil.id }, body: { format: 'json', from: '2024-09-01', to: '2025-08-31', categories: [categoriesOf[record][0]!.categoryId], redact: 'third-parties' } }),
  'reports.summary': (_persona, record) => ({ query: { from: '2024-09-01', to: '2025-08-31', groupBy: 'category', ...(record === 'behaviour' ? { categoryId: 'behaviour' } : {}) } }),
  'students.flags.update': () => ({
    pathParameters: { id: pupil.id },
    body: { reason: 'Child in need plan agreed at the meeting on 10 January.', expectedVersion: 0, flags: [{ kind: 'child_in_need', startDate: '2025-01-10', reason: 'Section 17 plan from children\'s social care' }] },
  }),
  'students.update': () => ({ pathParameters: { id: pupil.id }, body: { status: 'archived', reason: 'Left for Riverside Academy at Christmas.' } }),
  'students.find': () => ({ query: { query: pupil.givenName.slice(0, 2), includeArchived: 'true' } }),
  'files.create': () => ({ body: { name: 'Letter from parent.pdf', contentType: 'application/pdf', size: 48_213 } }),
  'files.read': (_persona, record) => ({
    pathParameters: { id: `file-${record}` },
    // A clean letter attached to the record, uploaded by someone else.
    arrange: async (deps) => {
      deps.fileRecords.records.set(`file-${record}`, {
        id: `file-${record}`,
        name: 'Letter from parent.pdf',
        contentType: 'application/pdf',
        size: 48_213,
        uploaderId: teachingAssistant.id,
        uploadedAt: '2025-01-15T09:30:00.000Z',
        key: `schools/castle-mead/files/file-${record}`,
        scan: 'clean',
        attachedTo: { incidentId: incidentIdOf(record) },
      });
    },
  }),
  'triage.list': nothing,
  'incidents.review': (_persona, record) => ({ pathParameters: { id: incidentIdOf(record) }, body: { note: 'Read; Amara to be seen by the DSL tomorrow morning.' } }),
  'incidents.list': () => ({ query: { status: 'active' } }),
  'incidents.update': (_persona, record) => ({
    pathParameters: { id: incidentIdOf(record) },
    body: { expectedVersion: 1, reason: 'The DSL follows this up with the family.', assignedTo: [staffIdOf('dslElevated')] },
  }),
  'incidents.history': (_persona, record) => ({ pathParameters: { id: incidentIdOf(record) } }),
  'referrals.create': (_persona, record) => ({
    pathParameters: { id: incidentIdOf(record) },
    body: { agency: 'childrens_social_care', madeAt: '2025-01-15T09:30:00.000Z', reference: 'MASH-2025-0142' },
  }),
  'incidentReferrals.list': (_persona, record) => ({ pathParameters: { id: incidentIdOf(record) } }),
  'referrals.update': (_persona, record) => ({
    pathParameters: { id: incidentIdOf(record), referralId: referralIdOf(record) },
    body: { state: 'acknowledged' },
    arrange: async (deps) => {
      deps.referrals.referrals.set(referralIdOf(record), referralOn(record));
    },
  }),
  'referrals.list': () => ({ query: { status: 'open' } }),
  'students.import': () => ({ body: { size: 240_118 } }),
  // An import awaiting the start, its file uploaded.
  'imports.start': () => ({ pathParameters: { id: anImport.id }, arrange: arrangeAnImport }),
  'imports.read': () => ({ pathParameters: { id: anImport.id }, arrange: arrangeAnImport }),
  'partners.encompass.create': () => ({ body: encompassNotificationFor(pupil) }),
  'encompass.list': nothing,
  'encompass.match': () => ({
    pathParameters: { id: unmatchedNotification.id },
    body: { studentId: pupil.id },
    arrange: async (deps) => {
      deps.encompass.notifications.set(unmatchedNotification.id, unmatchedNotification);
    },
  }),
};

const anImport: PupilImport = {
  id: 'IMPORT-1',
  status: 'awaiting_upload',
  objectKey: 'schools/castle-mead/imports/IMPORT-1.csv',
  size: 240_118,
  archiveMissing: false,
  createdBy: 'S-ADMIN',
  createdByGroups: ['admin'],
  sourceIp: '203.0.113.24',
  createdAt: '2025-01-15T09:30:00.000Z',
  updatedAt: '2025-01-15T09:30:00.000Z',
  counts: noCounts,
  problems: [],
  progress: { total: 0, written: 0 },
};

async function arrangeAnImport(deps: FakeDeps): Promise<void> {
  deps.pupilImports.imports.set(anImport.id, anImport);
  await deps.files.put({ key: anImport.objectKey, contentType: 'text/csv', body: new TextEncoder().encode('UPN\n') });
}
