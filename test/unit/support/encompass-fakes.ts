import { DuplicateReferenceError, type AuditTrail, type EncompassStore, type EncompassWrite } from '../../../shared/domain/ports';
import type { EncompassNotification } from '../../../shared/domain/partners/encompass-notification';
import { ConflictError } from '../../../shared/errors/lantern-error';
import type { InMemoryIncidentStore } from './fake-deps';
import type { InMemoryPupilFileStore } from './casework-fakes';

/** Operation Encompass notifications in memory: the incident, alerts and flag go to the other fakes, as one table holds them. */
export class InMemoryEncompassStore implements EncompassStore {
  readonly notifications = new Map<string, EncompassNotification>();
  readonly references = new Map<string, string>();
  readonly writes: EncompassWrite[] = [];
  sources?: { incidents: InMemoryIncidentStore; pupilFiles: InMemoryPupilFileStore; audit: AuditTrail };

  async byReference(reference: string) {
    const id = this.references.get(reference);
    return id ? this.notifications.get(id) : undefined;
  }

  async get(notificationId: string) {
    return this.notifications.get(notificationId);
  }

  async list() {
    const all = [...this.notifications.values()];
    return {
      unmatched: all.filter((each) => each.status === 'unmatched').sort((left, right) => (left.receivedAt < right.receivedAt ? -1 : 1)),
      matched: all.filter((each) => each.status === 'matched').sort((left, right) => (left.receivedAt < right.receivedAt ? 1 : -1)),
    };
  }

  async receive(write: EncompassWrite) {
    if (this.references.has(write.reference)) throw new DuplicateReferenceError('taken');
    this.references.set(write.reference, write.notification.id);
    await this.commit(write);
  }

  async match(write: EncompassWrite) {
    if (this.notifications.get(write.notification.id)?.status !== 'unmatched') throw new ConflictError('This notification has been matched already.');
    await this.commit(write);
  }

  private async commit(write: EncompassWrite) {
    this.writes.push(write);
    this.notifications.set(write.notification.id, write.notification);
    if (write.safeguarding) {
      if ((this.sources!.pupilFiles.records.get(write.safeguarding.record.studentId)?.version ?? 0) !== write.safeguarding.expectedVersion) throw new ConflictError('changed');
      this.sources!.pupilFiles.records.set(write.safeguarding.record.studentId, write.safeguarding.record);
      this.sources!.pupilFiles.flagChanges.push(write.safeguarding.change);
    }
    if (write.incident) await this.sources!.incidents.record({ incident: write.incident, alerts: write.alerts ?? [], audit: write.audit, events: write.events });
    else await this.sources!.audit.record(write.audit);
  }
}
