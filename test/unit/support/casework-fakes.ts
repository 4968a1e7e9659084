import type { PupilFileStore, ReportStore, StoredIncident } from '../../../shared/domain/ports';
import type { AuditEvent } from '../../../shared/domain/audit/audit-event';
import type { Student } from '../../../shared/domain/students/student';
import type { Referral } from '../../../shared/domain/referrals/referral';
import type { PupilSafeguarding, SafeguardingVersion } from '../../../shared/domain/students/safeguarding-flags';
import { timelineActionOf, timelineIncidentOf, timelineReferralOf, type ChronologyWindow, type TimelineIncident, type TimelineItem, type TimelinePage } from '../../../shared/domain/casework/timeline';
import { studentsOf } from '../../../shared/domain/incidents/incident';
import { recountDeltas, type CountedIncident, type ReportBucket, type ReportRange } from '../../../shared/domain/reports/report-facts';
import { ConflictError } from '../../../shared/errors/lantern-error';
import type { AuditTrail } from '../../../shared/domain/ports';

/** Where the pupil-file fake reads incidents and writes pupils: the other fakes of the same school. */
export interface PupilFileSources {
  incidents(): Promise<StoredIncident[]>;
  saveStudent(student: Student): void;
  audit: AuditTrail;
}

const sortKeyOf = (item: TimelineItem) => {
  if (item.kind === 'incident') return `${item.occurredAt}#${item.incidentId}`;
  if (item.kind === 'action') return `${item.occurredAt}#${item.incidentId}#ACTION#${item.actionId}`;
  if (item.kind === 'referral') return `${item.occurredAt}#${item.incidentId}#REFERRAL#${item.referralId}`;
  return `${item.at}#FLAGS#${String(item.version).padStart(8, '0')}`;
};

/** The pupils' records computed from the incidents the fake school holds, paged like the table. */
export class InMemoryPupilFileStore implements PupilFileStore {
  readonly records = new Map<string, PupilSafeguarding>();
  readonly flagChanges: SafeguardingVersion[] = [];
  sources?: PupilFileSources;

  async safeguarding(studentId: string) {
    return this.records.get(studentId);
  }

  async saveSafeguarding(record: PupilSafeguarding, change: SafeguardingVersion, audit: AuditEvent, expectedVersion: number) {
    if ((this.records.get(record.studentId)?.version ?? 0) !== expectedVersion) throw new ConflictError('changed');
    this.records.set(record.studentId, record);
    this.flagChanges.push(change);
    await this.sources!.audit.record(audit);
  }

  async saveStudent(student: Student, audit: AuditEvent) {
    this.sources!.saveStudent(student);
    await this.sources!.audit.record(audit);
  }

  private async itemsOf(studentId: string): Promise<TimelineItem[]> {
    const stored = await this.sources!.incidents();
    const items: TimelineItem[] = stored
      .filter(({ incident }) => studentsOf(incident).includes(studentId))
      .flatMap(({ incident, actions }) => [
        timelineIncidentOf(incident, studentId),
        ...actions.map((action) => timelineActionOf(incident, action)),
        // Referrals reach the pupil's record when the projector refreshes it, as in the table.
        ...(this.referralsProjected.get(incident.id) ?? []).map((referral) => timelineReferralOf(incident, referral)),
      ]);
    items.push(...this.flagChanges.filter((change) => change.studentId === studentId).map((change) => ({ kind: 'flags' as const, ...change })));
    return items.sort((left, right) => (sortKeyOf(left) < sortKeyOf(right) ? -1 : 1));
  }

  async timelineIncidents(studentId: string): Promise<TimelineIncident[]> {
    return (await this.itemsOf(studentId)).filter((item): item is TimelineIncident => item.kind === 'incident');
  }

  async chronology(studentId: string, window: ChronologyWindow): Promise<TimelinePage> {
    const to = `${window.to ?? ''}\uffff`;
    const inWindow = (await this.itemsOf(studentId)).filter((item) => sortKeyOf(item) >= (window.from ?? '') && sortKeyOf(item) <= to);
    const start = window.cursor ? inWindow.findIndex((item) => sortKeyOf(item) > window.cursor!) : 0;
    const items = start < 0 ? [] : inWindow.slice(start, start + window.limit);
    const more = start >= 0 && start + window.limit < inWindow.length;
    return { items, ...(more ? { nextCursor: sortKeyOf(items.at(-1)!) } : {}) };
  }

  readonly refreshed: string[] = [];
  private readonly referralsProjected = new Map<string, readonly Referral[]>();
  async refreshTimeline(stored: StoredIncident, referrals: readonly Referral[]) {
    this.refreshed.push(stored.incident.id);
    this.referralsProjected.set(stored.incident.id, referrals);
  }
}

/** Counters kept exactly as the table keeps them: one bucket per day, category set and shard. */
export class InMemoryReportStore implements ReportStore {
  readonly buckets = new Map<string, { localDate: string; categoryIds: readonly string[]; counters: Record<string, number> }>();
  readonly countedFacts = new Map<string, CountedIncident>();

  async read(range: ReportRange): Promise<ReportBucket[]> {
    return [...this.buckets.values()]
      .filter((bucket) => bucket.localDate >= range.from && bucket.localDate <= range.to)
      .map((bucket) => ({ categoryIds: bucket.categoryIds, counters: { ...bucket.counters } }));
  }

  async counted(incidentId: string) {
    return this.countedFacts.get(incidentId);
  }

  async recount(before: CountedIncident | undefined, after: CountedIncident) {
    if (JSON.stringify(this.countedFacts.get(after.incidentId)) !== JSON.stringify(before)) throw new ConflictError('counted by another run');
    for (const { bucket, counters } of recountDeltas(before, after)) {
      const key = `${bucket.localDate}#${bucket.categoryIds.join('+')}#${bucket.shard}`;
      const stored = this.buckets.get(key) ?? { localDate: bucket.localDate, categoryIds: bucket.categoryIds, counters: {} };
      for (const [name, count] of Object.entries(counters)) stored.counters[name] = (stored.counters[name] ?? 0) + count;
      this.buckets.set(key, stored);
    }
    this.countedFacts.set(after.incidentId, after);
  }
}
