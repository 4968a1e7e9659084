import type { Logger } from '../logging/logger';
import type { Clock, EventPublisher, FileStore, IdentityProvider, Mailer, StaffDirectory } from './ports';

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
  readonly logger: Logger;
  readonly staff: StaffDirectory;
  readonly mailer: Mailer;
  readonly events: EventPublisher;
  readonly files: FileStore;
  readonly identity: IdentityProvider;
}
