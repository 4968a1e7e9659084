/**
 * The one catalogue of HTTP routes. The CDK stack makes one function per entry and
 * attaches the JWT authorizer unless the route is public; the local gateway serves the
 * same entries by calling the same handler modules; the permission table must name every
 * id (a missing rule is a compile error there).
 */
import type { Uses } from '../deps/uses';
import { entryById } from './entry-by-id';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDefinition {
  /** Stable id used by the permission table, logs and the OpenAPI operationId. */
  readonly id: string;
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/v1/incidents/{id}`. */
  readonly path: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  /** Public routes have no authorizer: only health and the sign-in configuration. */
  readonly public: boolean;
  readonly summary: string;
  /**
   * What the function uses (shared/deps/uses.ts): decides its ports and bundle, the
   * variables it requires and the IAM it is granted. Signed-in routes use at least
   * `records`, `audit` and `school` (the caller's profile, audited refusals, the elevation
   * window); `identity` where elevation matters (it asks Cognito the authenticator is on).
   */
  readonly uses: Uses;
  /**
   * A partner route (under `/v1/partners/`): the OAuth scopes its client-credentials token
   * must carry. API Gateway's JWT authorizer checks them (authorization scopes) and the local
   * gateway does the same; the permission table checks them again. Throttled per route.
   */
  readonly scopes?: readonly string[];
}

// Each route is its own constant so an entry imports only its own declaration (esbuild drops
// the others); `routes` lists them all for the stack, the local gateway and the tests.
export const healthReadRoute = { id: 'health.read', method: 'GET', path: '/health', entry: 'functions/api/health/get.ts', public: true, summary: 'Liveness: 200 when the API can serve requests', uses: [] } as const satisfies RouteDefinition;
export const configReadRoute = { id: 'config.read', method: 'GET', path: '/v1/config', entry: 'functions/api/config/get.ts', public: true, summary: 'What a client needs to sign in', uses: ['school', 'signIn'] } as const satisfies RouteDefinition;
export const openapiReadRoute = { id: 'openapi.read', method: 'GET', path: '/v1/openapi.json', entry: 'functions/api/openapi/get.ts', public: true, summary: 'This API described as OpenAPI 3.1', uses: [] } as const satisfies RouteDefinition;
export const meReadRoute = { id: 'me.read', method: 'GET', path: '/v1/me', entry: 'functions/api/me/get.ts', public: false, summary: "The caller's staff profile and groups", uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const schoolReadRoute = { id: 'school.read', method: 'GET', path: '/v1/school', entry: 'functions/api/school/get.ts', public: false, summary: "The school's locations and session times, for the recording form", uses: ['records', 'audit', 'school'] } as const satisfies RouteDefinition;
export const studentsSearchRoute = { id: 'students.search', method: 'GET', path: '/v1/students', entry: 'functions/api/students/search.ts', public: false, summary: 'Find a pupil on roll to record against, by forename or surname prefix', uses: ['records', 'audit', 'school'] } as const satisfies RouteDefinition;
export const staffListRoute = { id: 'staff.list', method: 'GET', path: '/v1/staff', entry: 'functions/api/staff/list.ts', public: false, summary: 'Find staff to alert or assign (administrators see account details)', uses: ['records', 'audit', 'school'] } as const satisfies RouteDefinition;
export const alertGroupsListRoute = { id: 'alertGroups.list', method: 'GET', path: '/v1/alert-groups', entry: 'functions/api/alert-groups/list.ts', public: false, summary: 'Alert groups to choose from', uses: ['records', 'audit', 'school'] } as const satisfies RouteDefinition;
export const categoriesListRoute = { id: 'categories.list', method: 'GET', path: '/v1/categories', entry: 'functions/api/categories/list.ts', public: false, summary: "The school's categories with guidance, sub-categories and extra fields", uses: ['records', 'audit', 'school'] } as const satisfies RouteDefinition;
export const incidentsCreateRoute = { id: 'incidents.create', method: 'POST', path: '/v1/incidents', entry: 'functions/api/incidents/create.ts', public: false, summary: 'Record an incident (final once submitted)', uses: ['records', 'audit', 'school', 'files'] } as const satisfies RouteDefinition;
export const incidentsReadRoute = { id: 'incidents.read', method: 'GET', path: '/v1/incidents/{id}', entry: 'functions/api/incidents/get.ts', public: false, summary: 'Read an incident the caller wrote, was alerted to or is assigned', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const actionsCreateRoute = { id: 'actions.create', method: 'POST', path: '/v1/incidents/{id}/actions', entry: 'functions/api/incidents/actions/create.ts', public: false, summary: 'Append an action to an incident, alerting tagged staff', uses: ['records', 'audit', 'school', 'identity', 'files'] } as const satisfies RouteDefinition;
export const alertsListRoute = { id: 'alerts.list', method: 'GET', path: '/v1/alerts', entry: 'functions/api/alerts/list.ts', public: false, summary: "The caller's alerts, newest first", uses: ['records', 'audit', 'school'] } as const satisfies RouteDefinition;
export const alertsMarkReadRoute = { id: 'alerts.markRead', method: 'POST', path: '/v1/alerts/{id}/read', entry: 'functions/api/alerts/mark-read.ts', public: false, summary: 'Mark an alert read', uses: ['records', 'audit', 'school'] } as const satisfies RouteDefinition;
export const meMfaSetupRoute = { id: 'me.mfa.setup', method: 'POST', path: '/v1/me/mfa/setup', entry: 'functions/api/me/mfa-setup.ts', public: false, summary: 'Start enrolling an authenticator app: a TOTP secret and otpauth URI', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const meMfaVerifyRoute = { id: 'me.mfa.verify', method: 'POST', path: '/v1/me/mfa/verify', entry: 'functions/api/me/mfa-verify.ts', public: false, summary: 'Confirm the authenticator with a code; later sign-ins ask for one', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const staffCreateRoute = { id: 'staff.create', method: 'POST', path: '/v1/staff', entry: 'functions/api/staff/create.ts', public: false, summary: 'Invite a member of staff (administrators)', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const staffUpdateRoute = { id: 'staff.update', method: 'PATCH', path: '/v1/staff/{id}', entry: 'functions/api/staff/update.ts', public: false, summary: 'Change groups, job title or disable an account (administrators); applies at once', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const alertGroupsCreateRoute = { id: 'alertGroups.create', method: 'POST', path: '/v1/alert-groups', entry: 'functions/api/alert-groups/create.ts', public: false, summary: 'Create an alert group (administrators)', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const alertGroupsUpdateRoute = { id: 'alertGroups.update', method: 'PATCH', path: '/v1/alert-groups/{id}', entry: 'functions/api/alert-groups/update.ts', public: false, summary: 'Change an alert group (administrators)', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const alertGroupsDeleteRoute = { id: 'alertGroups.delete', method: 'DELETE', path: '/v1/alert-groups/{id}', entry: 'functions/api/alert-groups/delete.ts', public: false, summary: 'Remove an alert group (administrators)', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const categoriesCreateRoute = { id: 'categories.create', method: 'POST', path: '/v1/categories', entry: 'functions/api/categories/create.ts', public: false, summary: 'Add a category (administrators)', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const categoriesUpdateRoute = { id: 'categories.update', method: 'PATCH', path: '/v1/categories/{id}', entry: 'functions/api/categories/update.ts', public: false, summary: 'Change a category (administrators)', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const auditReadRoute = { id: 'audit.read', method: 'GET', path: '/v1/audit', entry: 'functions/api/audit/list.ts', public: false, summary: 'The audit trail by record, member of staff or pupil (elevated DSLs)', uses: ['records', 'audit', 'school', 'identity', 'auditQuery'] } as const satisfies RouteDefinition;
export const alertsAcknowledgeRoute = { id: 'alerts.acknowledge', method: 'POST', path: '/v1/alerts/{id}/acknowledge', entry: 'functions/api/alerts/acknowledge.ts', public: false, summary: 'Acknowledge an alert: read and understood', uses: ['records', 'audit', 'school'] } as const satisfies RouteDefinition;
export const meIncidentsListRoute = { id: 'me.incidents.list', method: 'GET', path: '/v1/me/incidents', entry: 'functions/api/me/incidents.ts', public: false, summary: 'Incidents the caller recorded, newest first (the dashboard)', uses: ['records', 'audit', 'school'] } as const satisfies RouteDefinition;
export const meRemindersListRoute = { id: 'me.reminders.list', method: 'GET', path: '/v1/me/reminders', entry: 'functions/api/me/reminders.ts', public: false, summary: "The caller's planner reminders, soonest first (the dashboard)", uses: ['records', 'audit', 'school'] } as const satisfies RouteDefinition;
export const qualityCheckRoute = { id: 'quality.check', method: 'POST', path: '/v1/quality-check', entry: 'functions/api/quality/check.ts', public: false, summary: 'Recording-quality advice on a draft as the author writes (never stored, never a block)', uses: ['records', 'audit', 'school'] } as const satisfies RouteDefinition;
export const reportsRecordingQualityRoute = { id: 'reports.recordingQuality', method: 'GET', path: '/v1/reports/recording-quality', entry: 'functions/api/reports/recording-quality.ts', public: false, summary: 'Recording-quality findings per rule per month (elevated DSLs)', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const studentsFindRoute = { id: 'students.find', method: 'GET', path: '/v1/students/find', entry: 'functions/api/students/find.ts', public: false, summary: 'Find any pupil to open their file, leavers too with includeArchived=true (elevated DSLs)', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const studentsReadRoute = { id: 'students.read', method: 'GET', path: '/v1/students/{id}', entry: 'functions/api/students/get.ts', public: false, summary: "A pupil's file: details, flags, counts, open and last incidents, pupils most often linked (elevated DSLs and SLT)", uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const studentsUpdateRoute = { id: 'students.update', method: 'PATCH', path: '/v1/students/{id}', entry: 'functions/api/students/update.ts', public: false, summary: 'Archive or restore a pupil (elevated DSLs)', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const studentsFlagsUpdateRoute = { id: 'students.flags.update', method: 'PATCH', path: '/v1/students/{id}/flags', entry: 'functions/api/students/flags-update.ts', public: false, summary: "Change a pupil's safeguarding flags, key adult or NHS number: a new version (elevated DSLs)", uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const studentsChronologyRoute = { id: 'students.chronology', method: 'GET', path: '/v1/students/{id}/chronology', entry: 'functions/api/students/chronology.ts', public: false, summary: "A pupil's chronology in occurred-at order, one page per Query (elevated DSLs and SLT)", uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const studentsExportsCreateRoute = { id: 'students.exports.create', method: 'POST', path: '/v1/students/{id}/exports', entry: 'functions/api/students/export.ts', public: false, summary: "Export a pupil's chronology as PDF or JSON, optionally with third parties redacted: a 15-minute link (elevated DSLs)", uses: ['records', 'audit', 'school', 'identity', 'files'] } as const satisfies RouteDefinition;
// Pupil import (issue 15): administrators keep the roll in step with the MIS.
export const studentsImportRoute = { id: 'students.import', method: 'POST', path: '/v1/students/import', entry: 'functions/api/students/import.ts', public: false, summary: 'Import pupils from a SIMS or Arbor CSV: inline, or a presigned upload for a large file (administrators)', uses: ['records', 'audit', 'school', 'files'] } as const satisfies RouteDefinition;
export const importsStartRoute = { id: 'imports.start', method: 'POST', path: '/v1/imports/{id}/start', entry: 'functions/api/imports/start.ts', public: false, summary: 'Start an uploaded pupil import: the job checks every row, then writes all or nothing (administrators)', uses: ['records', 'audit', 'school', 'files'] } as const satisfies RouteDefinition;
export const importsReadRoute = { id: 'imports.read', method: 'GET', path: '/v1/imports/{id}', entry: 'functions/api/imports/get.ts', public: false, summary: "A pupil import's status, progress and report: counts and rejected rows (administrators)", uses: ['records', 'audit', 'school'] } as const satisfies RouteDefinition;
export const reportsSummaryRoute = { id: 'reports.summary', method: 'GET', path: '/v1/reports/summary', entry: 'functions/api/reports/summary.ts', public: false, summary: 'Counts by a grouping over a date range, from the report counters (elevated DSLs and SLT)', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const filesCreateRoute = { id: 'files.create', method: 'POST', path: '/v1/files', entry: 'functions/api/files/create.ts', public: false, summary: 'Start an upload: a file id and a presigned PUT (5 minutes) for the browser to send the file to', uses: ['records', 'audit', 'school', 'files'] } as const satisfies RouteDefinition;
export const filesReadRoute = { id: 'files.read', method: 'GET', path: '/v1/files/{id}', entry: 'functions/api/files/get.ts', public: false, summary: 'A short-lived download link to a clean file on an incident or action the caller may read', uses: ['records', 'audit', 'school', 'identity', 'files'] } as const satisfies RouteDefinition;
// DSL casework (issue 11): every route needs elevation, so each declares identity.
export const triageListRoute = { id: 'triage.list', method: 'GET', path: '/v1/triage', entry: 'functions/api/casework/triage.ts', public: false, summary: 'Incidents no DSL has reviewed yet, oldest first (elevated DSLs)', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const incidentsReviewRoute = { id: 'incidents.review', method: 'POST', path: '/v1/incidents/{id}/review', entry: 'functions/api/casework/review.ts', public: false, summary: 'Mark an incident reviewed by a DSL, with an optional note', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const incidentsListRoute = { id: 'incidents.list', method: 'GET', path: '/v1/incidents', entry: 'functions/api/casework/list.ts', public: false, summary: 'Incidents newest first, by category, status, time, assignee or review (elevated DSLs; SLT within their categories)', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const incidentsUpdateRoute = { id: 'incidents.update', method: 'PATCH', path: '/v1/incidents/{id}', entry: 'functions/api/casework/update.ts', public: false, summary: 'Re-categorise, assign, close or reopen an incident, or change its agencies, with a reason (a new version)', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const incidentsHistoryRoute = { id: 'incidents.history', method: 'GET', path: '/v1/incidents/{id}/history', entry: 'functions/api/casework/history.ts', public: false, summary: "An incident's versions: who changed what, when and why", uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const referralsCreateRoute = { id: 'referrals.create', method: 'POST', path: '/v1/incidents/{id}/referrals', entry: 'functions/api/referrals/create.ts', public: false, summary: 'Record a referral to an agency; its response is due by the school timescale', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const incidentReferralsListRoute = { id: 'incidentReferrals.list', method: 'GET', path: '/v1/incidents/{id}/referrals', entry: 'functions/api/referrals/for-incident.ts', public: false, summary: 'The referrals made from an incident', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const referralsUpdateRoute = { id: 'referrals.update', method: 'PATCH', path: '/v1/incidents/{id}/referrals/{referralId}', entry: 'functions/api/referrals/update.ts', public: false, summary: 'A referral acknowledged, or answered with its outcome', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const referralsListRoute = { id: 'referrals.list', method: 'GET', path: '/v1/referrals', entry: 'functions/api/referrals/list.ts', public: false, summary: 'Referrals awaiting a response, soonest due (overdue) first (elevated DSLs)', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;

// Operation Encompass (issue 16): the police send, an elevated DSL matches what the roll could not.
export const partnersEncompassCreateRoute = { id: 'partners.encompass.create', method: 'POST', path: '/v1/partners/encompass-notifications', entry: 'functions/api/partners/encompass-create.ts', public: false, summary: 'A police Operation Encompass notification: matched to the roll, recorded, flagged and alerted at once (partner clients with lantern/encompass.write)', uses: ['records', 'audit', 'school'], scopes: ['lantern/encompass.write'] } as const satisfies RouteDefinition;
export const encompassListRoute = { id: 'encompass.list', method: 'GET', path: '/v1/encompass-notifications', entry: 'functions/api/encompass/list.ts', public: false, summary: 'Operation Encompass notifications, unmatched first (elevated DSLs)', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;
export const encompassMatchRoute = { id: 'encompass.match', method: 'POST', path: '/v1/encompass-notifications/{id}/match', entry: 'functions/api/encompass/match.ts', public: false, summary: 'Match an Operation Encompass notification to a pupil by hand (elevated DSLs)', uses: ['records', 'audit', 'school', 'identity'] } as const satisfies RouteDefinition;

export const routes = [
  healthReadRoute,
  configReadRoute,
  openapiReadRoute,
  meReadRoute,
  schoolReadRoute,
  studentsSearchRoute,
  staffListRoute,
  alertGroupsListRoute,
  categoriesListRoute,
  incidentsCreateRoute,
  incidentsReadRoute,
  actionsCreateRoute,
  alertsListRoute,
  alertsMarkReadRoute,
  meMfaSetupRoute,
  meMfaVerifyRoute,
  staffCreateRoute,
  staffUpdateRoute,
  alertGroupsCreateRoute,
  alertGroupsUpdateRoute,
  alertGroupsDeleteRoute,
  categoriesCreateRoute,
  categoriesUpdateRoute,
  auditReadRoute,
  alertsAcknowledgeRoute,
  meIncidentsListRoute,
  meRemindersListRoute,
  qualityCheckRoute,
  reportsRecordingQualityRoute,
  studentsFindRoute,
  studentsReadRoute,
  studentsUpdateRoute,
  studentsFlagsUpdateRoute,
  studentsChronologyRoute,
  studentsExportsCreateRoute,
  studentsImportRoute,
  importsStartRoute,
  importsReadRoute,
  reportsSummaryRoute,
  filesCreateRoute,
  filesReadRoute,
  triageListRoute,
  incidentsReviewRoute,
  incidentsListRoute,
  incidentsUpdateRoute,
  incidentsHistoryRoute,
  referralsCreateRoute,
  incidentReferralsListRoute,
  referralsUpdateRoute,
  referralsListRoute,
  partnersEncompassCreateRoute,
  encompassListRoute,
  encompassMatchRoute,
] as const satisfies readonly RouteDefinition[];

export type RouteId = (typeof routes)[number]['id'];

/** The declaration of one route, as a literal type: `UsesOf<'alerts.list'>` is `['records', 'audit', 'school']`. */
export type UsesOf<R extends RouteId> = Extract<(typeof routes)[number], { readonly id: R }>['uses'];

export function routeById<R extends RouteId>(id: R): Extract<(typeof routes)[number], { readonly id: R }> {
  return entryById(routes, id, 'route id');
}
