import type { RouteContract } from '../route-contract';
import { IncidentPath, IncidentView } from '../../schemas/incidents';
import {
  ChronologyPage,
  ChronologyQuery,
  IncidentChange,
  IncidentHistory,
  IncidentListQuery,
  IncidentReviewInput,
  IncidentSummaryPage,
  ManagedIncident,
  PageQuery,
  PupilFile,
  ReportQuery,
  ReportSummary,
  SafeguardingChange,
  SafeguardingChanged,
  StudentFindQuery,
  StudentFindResult,
  StudentPath,
  StudentStatusChange,
  StudentStatusChanged,
} from '../../schemas/casework';

/** students.read */
export const studentsReadContract = { params: StudentPath, success: { status: 200, description: "The pupil's file, limited to the categories open to the reader", schema: PupilFile }, failures: [403, 404] } as const satisfies RouteContract;

/** students.find */
export const studentsFindContract = { query: StudentFindQuery, success: { status: 200, description: 'Matching pupils with their status, leavers too when asked (at most 20)', schema: StudentFindResult }, failures: [403] } as const satisfies RouteContract;

/** students.update */
export const studentsUpdateContract = { params: StudentPath, body: StudentStatusChange, success: { status: 200, description: 'Archived or restored', schema: StudentStatusChanged }, failures: [403, 404] } as const satisfies RouteContract;

/** students.flags.update */
export const studentsFlagsUpdateContract = {
  params: StudentPath,
  body: SafeguardingChange,
  success: { status: 200, description: 'The new version of the safeguarding record and the change', schema: SafeguardingChanged },
  failures: [403, 404, 409],
} as const satisfies RouteContract;

/** students.chronology */
export const studentsChronologyContract = {
  params: StudentPath,
  query: ChronologyQuery,
  success: { status: 200, description: 'One page of the chronology in occurred-at order', schema: ChronologyPage },
  failures: [403, 404],
} as const satisfies RouteContract;

/** reports.summary */
export const reportsSummaryContract = { query: ReportQuery, success: { status: 200, description: 'Counts from the report counters, limited to the categories open to the caller', schema: ReportSummary }, failures: [403] } as const satisfies RouteContract;

/** triage.list */
export const triageListContract = { query: PageQuery, success: { status: 200, description: 'Unreviewed incidents, oldest first', schema: IncidentSummaryPage }, failures: [403] } as const satisfies RouteContract;

/** incidents.review */
export const incidentsReviewContract = {
  params: IncidentPath,
  body: IncidentReviewInput,
  success: { status: 200, description: 'The incident, reviewed', schema: IncidentView },
  failures: [403, 404, 409],
} as const satisfies RouteContract;

/** incidents.list */
export const incidentsListContract = { query: IncidentListQuery, success: { status: 200, description: 'A page of incidents, newest first', schema: IncidentSummaryPage }, failures: [403] } as const satisfies RouteContract;

/** incidents.update */
export const incidentsUpdateContract = {
  params: IncidentPath,
  body: IncidentChange,
  success: { status: 200, description: 'The incident after the change, and the version it made', schema: ManagedIncident },
  failures: [403, 404, 409, 422],
} as const satisfies RouteContract;

/** incidents.history */
export const incidentsHistoryContract = { params: IncidentPath, success: { status: 200, description: "The incident's versions, oldest first", schema: IncidentHistory }, failures: [403, 404] } as const satisfies RouteContract;
