import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { pupilRef } from '../students/student';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';
import { auditedRead } from '../audit/audited-read';

type MyWorkDeps = Pick<Deps, 'incidents' | 'students' | 'categories' | 'audit' | 'clock' | 'ids'>;

/** Reminders stay on the dashboard for a day after they were due, so a missed one is seen. */
const REMINDER_GRACE_MS = 24 * 60 * 60_000;

/**
 * The dashboard's "my recent incidents": what the caller recorded, newest first, read from
 * the caller's own partition (they wrote each one, so they may see it). It names pupils,
 * so it is audited with the pupils shown (findable by each of them) before the answer leaves;
 * the pupils are known once the entries are read, so their names are looked up alongside the
 * audit write.
 */
export async function listMyIncidents(deps: MyWorkDeps, caller: StaffCaller, limit: number, origin: RequestOrigin) {
  const entries = await deps.incidents.listAuthored(caller.staffId, limit);
  const studentIds = shownPupils(entries);
  const [pupils, catalogue] = await auditedRead(deps, shownEvent(deps, caller, origin, 'incident.list.mine', studentIds), () =>
    Promise.all([deps.students.getMany(studentIds), deps.categories.list()]),
  );
  return {
    incidents: entries.map((entry) => ({
      id: entry.incidentId,
      student: pupilRef(entry.studentId, pupils.get(entry.studentId)),
      occurredAt: entry.occurredAt,
      recordedAt: entry.recordedAt,
      categoryNames: entry.categoryIds.map((categoryId) => catalogue.find((category) => category.id === categoryId)?.name ?? categoryId),
      status: entry.status,
    })),
  };
}

/** The caller's planner reminders, soonest first, from a day ago on; audited like the incident list. */
export async function listMyReminders(deps: MyWorkDeps, caller: StaffCaller, limit: number, origin: RequestOrigin) {
  const from = new Date(deps.clock.now().getTime() - REMINDER_GRACE_MS).toISOString();
  const entries = await deps.incidents.listReminders(caller.staffId, from, limit);
  const studentIds = shownPupils(entries);
  const pupils = await auditedRead(deps, shownEvent(deps, caller, origin, 'reminder.list.mine', studentIds), () => deps.students.getMany(studentIds));
  return {
    reminders: entries.map((entry) => ({ incidentId: entry.incidentId, at: entry.at, note: entry.note, student: pupilRef(entry.studentId, pupils.get(entry.studentId)) })),
  };
}

function shownPupils(entries: readonly { readonly studentId: string }[]): string[] {
  return [...new Set(entries.map((entry) => entry.studentId))];
}

/** The list's audit event: findable by every pupil shown (`studentIds`), who are also kept in its detail. */
function shownEvent(deps: MyWorkDeps, caller: StaffCaller, origin: RequestOrigin, action: string, studentIds: readonly string[]) {
  return auditEvent(deps, caller, origin, { action, recordType: 'incident', recordId: caller.staffId, studentIds, detail: { students: studentIds.join(',') } });
}
