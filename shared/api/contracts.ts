import type { RouteId } from './routes';
import type { RouteContract } from './route-contract';
import { healthReadContract } from './contracts/health';
import { configReadContract } from './contracts/sign-in';
import { openapiReadContract } from './contracts/openapi';
import { meReadContract, meMfaSetupContract, meMfaVerifyContract } from './contracts/me';
import { schoolReadContract, studentsSearchContract, staffListContract, alertGroupsListContract, categoriesListContract } from './contracts/directory';
import { qualityCheckContract, recordingQualityReportContract } from './contracts/quality';
import { incidentsCreateContract, incidentsReadContract, actionsCreateContract } from './contracts/incidents';
import { alertsListContract, alertsMarkReadContract, alertsAcknowledgeContract } from './contracts/alerts';
import { staffCreateContract, staffUpdateContract } from './contracts/staff-admin';
import { alertGroupsCreateContract, alertGroupsUpdateContract, alertGroupsDeleteContract } from './contracts/alert-groups-admin';
import { categoriesCreateContract, categoriesUpdateContract } from './contracts/categories-admin';
import { auditReadContract } from './contracts/audit';
import { meIncidentsListContract, meRemindersListContract } from './contracts/my-work';
import { reportsSummaryContract, studentsChronologyContract, studentsFindContract, studentsFlagsUpdateContract, studentsReadContract, studentsUpdateContract } from './contracts/casework';
import { filesCreateContract, filesReadContract } from './contracts/files';
import { studentsExportsCreateContract } from './contracts/exports';
import { triageListContract, incidentsReviewContract, incidentsListContract, incidentsUpdateContract, incidentsHistoryContract } from './contracts/casework';
import { importsReadContract, importsStartContract, studentsImportContract } from './contracts/pupil-import';
import { referralsCreateContract, incidentReferralsListContract, referralsUpdateContract, referralsListContract } from './contracts/referrals';

import { encompassListContract, encompassMatchContract, partnersEncompassCreateContract } from './contracts/partners';

export type { RouteContract } from './route-contract';

/**
 * Every route's contract by id: for the OpenAPI generator and the tests. No handler imports
 * this module: each entry imports its own contract from shared/api/contracts/<area>.ts, so a
 * bundle holds only its own route's schemas.
 */
export const contracts = {
  'health.read': healthReadContract,
  'config.read': configReadContract,
  'openapi.read': openapiReadContract,
  'me.read': meReadContract,
  'me.mfa.setup': meMfaSetupContract,
  'me.mfa.verify': meMfaVerifyContract,
  'school.read': schoolReadContract,
  'students.search': studentsSearchContract,
  'staff.list': staffListContract,
  'alertGroups.list': alertGroupsListContract,
  'categories.list': categoriesListContract,
  'incidents.create': incidentsCreateContract,
  'incidents.read': incidentsReadContract,
  'actions.create': actionsCreateContract,
  'alerts.list': alertsListContract,
  'alerts.markRead': alertsMarkReadContract,
  'alerts.acknowledge': alertsAcknowledgeContract,
  'staff.create': staffCreateContract,
  'staff.update': staffUpdateContract,
  'alertGroups.create': alertGroupsCreateContract,
  'alertGroups.update': alertGroupsUpdateContract,
  'alertGroups.delete': alertGroupsDeleteContract,
  'categories.create': categoriesCreateContract,
  'categories.update': categoriesUpdateContract,
  'audit.read': auditReadContract,
  'quality.check': qualityCheckContract,
  'reports.recordingQuality': recordingQualityReportContract,
  'me.incidents.list': meIncidentsListContract,
  'me.reminders.list': meRemindersListContract,
  'students.find': studentsFindContract,
  'students.read': studentsReadContract,
  'students.update': studentsUpdateContract,
  'students.flags.update': studentsFlagsUpdateContract,
  'students.chronology': studentsChronologyContract,
  'students.exports.create': studentsExportsCreateContract,
  'reports.summary': reportsSummaryContract,
  'files.create': filesCreateContract,
  'files.read': filesReadContract,
  'triage.list': triageListContract,
  'incidents.review': incidentsReviewContract,
  'incidents.list': incidentsListContract,
  'incidents.update': incidentsUpdateContract,
  'incidents.history': incidentsHistoryContract,
  'referrals.create': referralsCreateContract,
  'incidentReferrals.list': incidentReferralsListContract,
  'referrals.update': referralsUpdateContract,
  'referrals.list': referralsListContract,
  'students.import': studentsImportContract,
  'imports.start': importsStartContract,
  'imports.read': importsReadContract,
  'partners.encompass.create': partnersEncompassCreateContract,
  'encompass.list': encompassListContract,
  'encompass.match': encompassMatchContract,
} as const satisfies Record<RouteId, RouteContract>;

export type ContractOf<R extends RouteId> = (typeof contracts)[R];
