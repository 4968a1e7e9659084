import type * as z from 'zod';
import type { EncompassMatched, EncompassNotificationList } from '../../../shared/schemas/partners';
import type { ChronologyPage, PupilFile, ReportSummary, StudentFindResult } from '../../../shared/schemas/casework';
import type { SignInConfiguration, Me } from '../../../shared/schemas/identity';
import type { IncidentView, ActionView, NewAction, NewIncident } from '../../../shared/schemas/incidents';
import type { AlertView, AlertList } from '../../../shared/schemas/alerts';
import type { AlertGroupList, CategoryList, SchoolDescription, StaffSearchResult, StudentSearchResult } from '../../../shared/schemas/directory';
import type { AuthenticatorCode, AuthenticatorEnrolled, AuthenticatorSetup } from '../../../shared/schemas/staff-admin';
import type { MyIncidentList, MyReminderList } from '../../../shared/schemas/my-work';
import type {
  QualityDraft,
  QualityFinding as QualityFindingSchema,
  QualityFindings as QualityFindingsSchema,
  RecordedIncident as RecordedIncidentSchema,
  RecordingQualityReport as RecordingQualityReportSchema,
} from '../../../shared/schemas/quality';
import type { FileDownload, NewUpload, UploadStarted as UploadStartedSchema } from '../../../shared/schemas/files';
import type { IncidentChange, IncidentHistory, IncidentSummaryPage, ManagedIncident } from '../../../shared/schemas/casework';
import type { ExportRequest, ExportStarted } from '../../../shared/schemas/exports';
import type { IncidentReferrals, NewReferral, ReferralChange, ReferralPage, ReferralView } from '../../../shared/schemas/referrals';

/** The API's shapes, taken from the same zod contracts the API validates with (types only). */
export type SignInConfig = z.infer<typeof SignInConfiguration>;
export type MeView = z.infer<typeof Me>;
export type Incident = z.infer<typeof IncidentView>;
export type Action = z.infer<typeof ActionView>;
export type NewActionBody = z.input<typeof NewAction>;
export type NewIncidentBody = z.input<typeof NewIncident>;
/** POST /v1/incidents' answer: the incident, and for its author the advice still present. */
export type RecordedIncident = z.infer<typeof RecordedIncidentSchema>;
export type Alert = z.infer<typeof AlertView>;
export type Alerts = z.infer<typeof AlertList>;
export type Categories = z.infer<typeof CategoryList>;
export type Category = Categories['categories'][number];
export type School = z.infer<typeof SchoolDescription>;
export type StaffSearch = z.infer<typeof StaffSearchResult>;
export type StaffMember = StaffSearch['staff'][number];
export type PupilSearch = z.infer<typeof StudentSearchResult>;
export type Pupil = PupilSearch['students'][number];
export type AlertGroups = z.infer<typeof AlertGroupList>;
export type AlertGroup = AlertGroups['alertGroups'][number];
export type AuthenticatorSetupView = z.infer<typeof AuthenticatorSetup>;
export type AuthenticatorCodeBody = z.input<typeof AuthenticatorCode>;
export type AuthenticatorEnrolledView = z.infer<typeof AuthenticatorEnrolled>;
export type MyIncidents = z.infer<typeof MyIncidentList>;
export type MyReminders = z.infer<typeof MyReminderList>;
export type QualityDraftBody = z.input<typeof QualityDraft>;
export type QualityFinding = z.infer<typeof QualityFindingSchema>;
export type QualityFindings = z.infer<typeof QualityFindingsSchema>;
export type RecordingQualityReport = z.infer<typeof RecordingQualityReportSchema>;
export type NewUploadBody = z.input<typeof NewUpload>;
export type UploadStarted = z.infer<typeof UploadStartedSchema>;
export type FileLink = z.infer<typeof FileDownload>;
export type IncidentFile = Incident['files'][number];

export type PupilFileView = z.infer<typeof PupilFile>;
export type ChronologyPageView = z.infer<typeof ChronologyPage>;
export type ChronologyEntryView = ChronologyPageView['entries'][number];
export type ReportSummaryView = z.infer<typeof ReportSummary>;
export type FoundPupil = z.infer<typeof StudentFindResult>['students'][number];
export type IncidentSummaries = z.infer<typeof IncidentSummaryPage>;
export type IncidentChangeBody = z.input<typeof IncidentChange>;
export type ManagedIncidentView = z.infer<typeof ManagedIncident>;
export type History = z.infer<typeof IncidentHistory>;
export type Referral = z.infer<typeof ReferralView>;
export type Referrals = z.infer<typeof ReferralPage>;
export type IncidentReferralList = z.infer<typeof IncidentReferrals>;
export type NewReferralBody = z.input<typeof NewReferral>;
export type ReferralChangeBody = z.input<typeof ReferralChange>;
export type ExportRequestBody = z.input<typeof ExportRequest>;
export type ExportStartedView = z.infer<typeof ExportStarted>;

export type EncompassNotificationsView = z.infer<typeof EncompassNotificationList>;
export type EncompassNotificationView = EncompassNotificationsView['notifications'][number];
export type EncompassMatchedView = z.infer<typeof EncompassMatched>;
