import { ApiError, apiErrorFrom } from './api-error';
import type {
  Action,
  AlertGroups,
  Alert,
  Alerts,
  AuthenticatorCodeBody,
  AuthenticatorEnrolledView,
  AuthenticatorSetupView,
  Categories,
  EncompassMatchedView,
  EncompassNotificationsView,
  FileLink,
  NewUploadBody,
  UploadStarted,
  Incident,
  MeView,
  MyIncidents,
  MyReminders,
  NewActionBody,
  NewIncidentBody,
  PupilSearch,
  QualityDraftBody,
  QualityFindings,
  RecordedIncident,
  RecordingQualityReport,
  PupilFileView,
  FoundPupil,
  ChronologyPageView,
  ExportRequestBody,
  ExportStartedView,
  ReportSummaryView,
  School,
  SignInConfig,
  StaffSearch,
  History,
  IncidentChangeBody,
  IncidentReferralList,
  IncidentSummaries,
  ManagedIncidentView,
  NewReferralBody,
  Referral,
  ReferralChangeBody,
  Referrals,
} from './types';

export async function loadConfig(): Promise<SignInConfig> {
  const response = await fetch('/v1/config', { headers: { accept: 'application/json' } });
  if (!response.ok) throw await apiErrorFrom(response);
  return (await response.json()) as SignInConfig;
}

/** A bearer token, refreshed when needed; undefined when signed out. */
export type TokenSource = () => Promise<string | undefined>;

/** Every call the app makes to Lantern's API: one method per route it uses. */
export class LanternApi {
  constructor(
    private readonly token: TokenSource,
    private readonly onUnauthenticated: () => void,
    /** A 403 elevation_required: the app sends the user to step up, whichever page asked. */
    private readonly onElevationRequired: () => void,
  ) {}

  private async request<T>(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<T> {
    const token = await this.token();
    if (!token) {
      this.onUnauthenticated();
      throw new ApiError(401, 'unauthenticated', 'Sign in to use Lantern.');
    }
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${token}`,
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (caught) {
      if (options.signal?.aborted) throw caught;
      throw new ApiError(0, 'network', 'Lantern could not be reached. Check the connection and try again; nothing was lost.');
    }
    if (response.status === 401) this.onUnauthenticated();
    if (!response.ok) {
      const error = await apiErrorFrom(response);
      if (error.elevationRequired) this.onElevationRequired();
      throw error;
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  me = () => this.request<MeView>('GET', '/v1/me');
  school = () => this.request<School>('GET', '/v1/school');
  categories = () => this.request<Categories>('GET', '/v1/categories');
  alertGroups = async () => (await this.request<AlertGroups>('GET', '/v1/alert-groups')).alertGroups;
  searchPupils = async (query: string) => (await this.request<PupilSearch>('GET', `/v1/students?query=${encodeURIComponent(query)}`)).students;
  searchStaff = async (query: string) => (await this.request<StaffSearch>('GET', `/v1/staff?query=${encodeURIComponent(query)}`)).staff;
  /** Read and unread alike: the dashboard sorts unread first. */
  alerts = () => this.request<Alerts>('GET', '/v1/alerts?unread=false&limit=50');
  markRead = (alertId: string) => this.request<Alert>('POST', `/v1/alerts/${encodeURIComponent(alertId)}/read`);
  acknowledge = (alertId: string) => this.request<Alert>('POST', `/v1/alerts/${encodeURIComponent(alertId)}/acknowledge`);
  myIncidents = () => this.request<MyIncidents>('GET', '/v1/me/incidents?limit=10');
  myReminders = () => this.request<MyReminders>('GET', '/v1/me/reminders');
  incident = (incidentId: string) => this.request<Incident>('GET', `/v1/incidents/${encodeURIComponent(incidentId)}`);
  recordIncident = (body: NewIncidentBody, idempotencyKey: string) =>
    this.request<RecordedIncident>('POST', '/v1/incidents', { body, headers: { 'idempotency-key': idempotencyKey } });
  addAction = (incidentId: string, body: NewActionBody) =>
    this.request<Action>('POST', `/v1/incidents/${encodeURIComponent(incidentId)}/actions`, { body });
  /** Advice on the draft as it is now; a newer check aborts an older one. */
  checkQuality = async (body: QualityDraftBody, signal: AbortSignal) => (await this.request<QualityFindings>('POST', '/v1/quality-check', { body, signal })).findings;
  recordingQualityReport = (from: string, to: string) => this.request<RecordingQualityReport>('GET', `/v1/reports/recording-quality?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  findPupils = async (query: string, includeArchived: boolean) =>
    (await this.request<{ students: FoundPupil[] }>('GET', `/v1/students/find?${queryString({ query, includeArchived: String(includeArchived) })}`)).students;
  changePupilStatus = (studentId: string, body: { status: 'on_roll' | 'left' | 'archived'; reason: string }) => this.request<unknown>('PATCH', `/v1/students/${encodeURIComponent(studentId)}`, { body });
  pupilFile = (studentId: string) => this.request<PupilFileView>('GET', `/v1/students/${encodeURIComponent(studentId)}`);
  chronology = (studentId: string, filters: Record<string, string | undefined>) =>
    this.request<ChronologyPageView>('GET', `/v1/students/${encodeURIComponent(studentId)}/chronology?${queryString(filters)}`);
  /** A chronology export, stored; the answer's link works for 15 minutes (elevated DSLs). */
  exportChronology = (studentId: string, body: ExportRequestBody) => this.request<ExportStartedView>('POST', `/v1/students/${encodeURIComponent(studentId)}/exports`, { body });
  reportSummary = (filters: Record<string, string | undefined>) => this.request<ReportSummaryView>('GET', `/v1/reports/summary?${queryString(filters)}`);
  /** A file id and the presigned PUT the browser sends the file with (the bytes never pass through the API). */
  startUpload = (body: NewUploadBody) => this.request<UploadStarted>('POST', '/v1/files', { body });
  /** A download link that works for a minute, for a clean file on a record the caller may read. */
  fileLink = (fileId: string) => this.request<FileLink>('GET', `/v1/files/${encodeURIComponent(fileId)}`);
  // DSL casework (elevated): triage, lists, managing an incident, referrals.
  triage = () => this.request<IncidentSummaries>('GET', '/v1/triage?limit=50');
  incidents = (query: string) => this.request<IncidentSummaries>('GET', `/v1/incidents?${query}`);
  reviewIncident = (incidentId: string, note?: string) => this.request<Incident>('POST', `/v1/incidents/${encodeURIComponent(incidentId)}/review`, { body: note ? { note } : {} });
  changeIncident = (incidentId: string, body: IncidentChangeBody) => this.request<ManagedIncidentView>('PATCH', `/v1/incidents/${encodeURIComponent(incidentId)}`, { body });
  incidentHistory = (incidentId: string) => this.request<History>('GET', `/v1/incidents/${encodeURIComponent(incidentId)}/history`);
  incidentReferrals = (incidentId: string) => this.request<IncidentReferralList>('GET', `/v1/incidents/${encodeURIComponent(incidentId)}/referrals`);
  recordReferral = (incidentId: string, body: NewReferralBody) => this.request<Referral>('POST', `/v1/incidents/${encodeURIComponent(incidentId)}/referrals`, { body });
  changeReferral = (incidentId: string, referralId: string, body: ReferralChangeBody) =>
    this.request<Referral>('PATCH', `/v1/incidents/${encodeURIComponent(incidentId)}/referrals/${encodeURIComponent(referralId)}`, { body });
  // Operation Encompass (elevated DSLs): police notifications, unmatched first, and matching one by hand.
  encompassNotifications = () => this.request<EncompassNotificationsView>('GET', '/v1/encompass-notifications');
  matchEncompass = (notificationId: string, studentId: string) =>
    this.request<EncompassMatchedView>('POST', `/v1/encompass-notifications/${encodeURIComponent(notificationId)}/match`, { body: { studentId } });
  referrals = (status: 'open' | 'overdue') => this.request<Referrals>('GET', `/v1/referrals?status=${status}&limit=100`);
  setUpAuthenticator = () => this.request<AuthenticatorSetupView>('POST', '/v1/me/mfa/setup');
  verifyAuthenticator = (code: string) => this.request<AuthenticatorEnrolledView>('POST', '/v1/me/mfa/verify', { body: { code } satisfies AuthenticatorCodeBody });
}

/** Only the filters given, URL-encoded. */
function queryString(filters: Record<string, string | undefined>): string {
  return new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
}
