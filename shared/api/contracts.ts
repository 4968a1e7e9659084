import type { z } from 'zod';
import type { RouteId } from './routes';
import { HealthResponse } from '../schemas/common';
import { Me, SignInConfiguration } from '../schemas/identity';
import { AlertGroupList, CategoryList, SchoolDescription, StaffSearchQuery, StaffSearchResult, StudentSearchQuery, StudentSearchResult } from '../schemas/directory';
import { ActionView, IncidentPath, IncidentView, NewAction, NewIncident } from '../schemas/incidents';
import { AlertList, AlertListQuery, AlertPath, AlertView } from '../schemas/alerts';
import {
  AlertGroupChange,
  AlertGroupDetail,
  AlertGroupPath,
  AuthenticatorCode,
  AuthenticatorEnrolled,
  AuthenticatorSetup,
  NewAlertGroup,
  NewStaffMember,
  StaffAccount,
  StaffChange,
  StaffPath,
} from '../schemas/staff-admin';
import { CategoryChange, CategoryDetail, CategoryPath, NewCategory } from '../schemas/categories-admin';
import { AuditPage, AuditQuery } from '../schemas/audit';
import { MyIncidentList, MyIncidentsQuery, MyReminderList, MyRemindersQuery } from '../schemas/my-work';

/**
 * What each route accepts and answers, as zod schemas. `apiRoute` validates requests
 * with them and the OpenAPI document is generated from them, so the two cannot disagree.
 */
export interface RouteContract {
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  readonly params?: z.ZodType;
  readonly success: { readonly status: 200 | 201 | 202 | 204; readonly description: string; readonly schema?: z.ZodType };
  /** Extra failure statuses worth documenting beyond the standard ones. */
  readonly failures?: readonly (400 | 403 | 404 | 409 | 415 | 422)[];
}

export const contracts = {
  'health.read': { success: { status: 200, description: 'The API is serving', schema: HealthResponse } },
  'config.read': { success: { status: 200, description: 'Sign-in configuration', schema: SignInConfiguration } },
  'openapi.read': { success: { status: 200, description: 'OpenAPI 3.1 document' } },
  'me.read': { success: { status: 200, description: "The caller's profile", schema: Me }, failures: [403] },
  'school.read': { success: { status: 200, description: 'Locations and session times', schema: SchoolDescription } },
  'students.search': { query: StudentSearchQuery, success: { status: 200, description: 'Matching pupils on roll (at most 20)', schema: StudentSearchResult } },
  'staff.list': { query: StaffSearchQuery, success: { status: 200, description: 'Matching staff', schema: StaffSearchResult } },
  'alertGroups.list': { success: { status: 200, description: 'Alert groups', schema: AlertGroupList } },
  'categories.list': { success: { status: 200, description: 'Categories in use', schema: CategoryList } },
  'incidents.create': {
    body: NewIncident,
    success: { status: 201, description: 'Recorded; with the same Idempotency-Key, the incident recorded before (200)', schema: IncidentView },
    failures: [403, 409, 422],
  },
  'incidents.read': { params: IncidentPath, success: { status: 200, description: 'The incident as the caller may see it', schema: IncidentView }, failures: [404] },
  'actions.create': { params: IncidentPath, body: NewAction, success: { status: 201, description: 'The action as appended', schema: ActionView }, failures: [404, 422] },
  'alerts.list': { query: AlertListQuery, success: { status: 200, description: 'A page of alerts', schema: AlertList } },
  'alerts.markRead': { params: AlertPath, success: { status: 200, description: 'The alert, read', schema: AlertView }, failures: [404] },
  'me.mfa.setup': { success: { status: 200, description: 'Secret and otpauth URI', schema: AuthenticatorSetup } },
  'me.mfa.verify': { body: AuthenticatorCode, success: { status: 200, description: 'Enrolled', schema: AuthenticatorEnrolled }, failures: [409, 422] },
  'staff.create': { body: NewStaffMember, success: { status: 201, description: 'Invited; Cognito emails a temporary password', schema: StaffAccount }, failures: [403, 409] },
  'staff.update': { params: StaffPath, body: StaffChange, success: { status: 200, description: 'Changed', schema: StaffAccount }, failures: [403, 404, 409] },
  'alertGroups.create': { body: NewAlertGroup, success: { status: 201, description: 'Created', schema: AlertGroupDetail }, failures: [403, 422] },
  'alertGroups.update': { params: AlertGroupPath, body: AlertGroupChange, success: { status: 200, description: 'Changed', schema: AlertGroupDetail }, failures: [403, 404, 422] },
  'alertGroups.delete': { params: AlertGroupPath, success: { status: 204, description: 'Removed' }, failures: [403, 404] },
  'categories.create': { body: NewCategory, success: { status: 201, description: 'Created', schema: CategoryDetail }, failures: [403, 409, 422] },
  'categories.update': { params: CategoryPath, body: CategoryChange, success: { status: 200, description: 'Changed', schema: CategoryDetail }, failures: [403, 404, 422] },
  'audit.read': { query: AuditQuery, success: { status: 200, description: 'Audit events, oldest first', schema: AuditPage }, failures: [403] },
  'alerts.acknowledge': { params: AlertPath, success: { status: 200, description: 'The alert, acknowledged', schema: AlertView }, failures: [404] },
  'me.incidents.list': { query: MyIncidentsQuery, success: { status: 200, description: 'Incidents the caller recorded, newest first', schema: MyIncidentList } },
  'me.reminders.list': { query: MyRemindersQuery, success: { status: 200, description: "The caller's reminders, soonest first", schema: MyReminderList } },
} as const satisfies Record<RouteId, RouteContract>;

export type ContractOf<R extends RouteId> = (typeof contracts)[R];
