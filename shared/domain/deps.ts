import type { Logger } from '../logging/logger';
import type {
  AlertGroupDirectory,
  AlertStore,
  AuditTrail,
  CategoryCatalogue,
  Clock,
  EncompassStore,
  EventPublisher,
  FileQuarantine,
  FileRecordStore,
  FileStore,
  IdGenerator,
  OutboxStore,
  IdentityProvider,
  IncidentCasework,
  IncidentStore,
  Mailer,
  NotificationLedger,
  PupilFileStore,
  ReportStore,
  ReferralCheckScheduler,
  ReferralStore,
  ReminderScheduler,
  SchoolProfileSource,
  StaffDirectory,
  StudentDirectory,
} from './ports';
import type { PupilImportStore } from './students/import/pupil-import';

/** The school this deployment serves, as the domain needs to know it. */
export interface SchoolSettings {
  readonly id: string;
  readonly name: string;
  readonly timezone: string;
  readonly elevationWindowMinutes: number;
  /** Origin of the staff front end; links in emails point here. */
  readonly appBaseUrl: string;
}

/** Everything domain code may touch: plain ports, no AWS types. */
export interface Deps {
  readonly school: SchoolSettings;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly staff: StaffDirectory;
  readonly students: StudentDirectory;
  readonly categories: CategoryCatalogue;
  readonly alertGroups: AlertGroupDirectory;
  readonly schoolProfile: SchoolProfileSource;
  readonly incidents: IncidentStore;
  readonly alerts: AlertStore;
  readonly audit: AuditTrail;
  readonly notifications: NotificationLedger;
  readonly reminders: ReminderScheduler;
  readonly mailer: Mailer;
  readonly files: FileStore;
  /** The outbox relay's: puts committed events on the bus. Request functions write events to the outbox instead. */
  readonly events: EventPublisher;
  /** The outbox relay's: marks delivered items, and the redrive's: finds undelivered ones. */
  readonly outbox: OutboxStore;
  readonly quarantine: FileQuarantine;
  readonly fileRecords: FileRecordStore;
  readonly identity: IdentityProvider;
  readonly pupilFiles: PupilFileStore;
  readonly reports: ReportStore;
  readonly casework: IncidentCasework;
  readonly referrals: ReferralStore;
  readonly referralChecks: ReferralCheckScheduler;
  /** Pupil imports from the MIS, and the roll (pupils by UPN) they upsert. */
  readonly pupilImports: PupilImportStore;
  /** Operation Encompass notifications from the police (issue 16). */
  readonly encompass: EncompassStore;
}
