import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { ForbiddenError, UnprocessableError } from '../../errors/lantern-error';
import { auditEvent, foundAbout, refusingAbout, type RequestOrigin } from '../audit/audit-context';
import { categoryVisibility } from '../casework/category-visibility';
import { chronologyEntriesFor } from '../casework/read-chronology';
import type { TimelineIncident, TimelineItem, TimelineReferral } from '../casework/timeline';
import { fullName, type Student } from '../students/student';
import { displayName, type StaffProfile } from '../staff/staff-profile';
import type { Category } from '../categories/category';
import type { StudentSummary } from '../ports';
import { capitalisedWords } from '../quality/text/name-words';
import type { ChronologyDraft, DraftIncident, NameField } from './chronology-draft';
import { draftFields } from './chronology-draft';
import { applyRedactions, proposeRedactions, type PupilNames, type StaffNames } from './redaction';

/** The link to an export works for 15 minutes (issue 13). */
export const EXPORT_URL_SECONDS = 15 * 60;
/** Timeline items read per Query while gathering the range. */
const PAGE_LIMIT = 200;
/** Incidents loaded at once (each one Query on its partition, one for its versions). */
const LOAD_CONCURRENCY = 8;
/** Distinct capitalised words asked of the roll per Query batch. */
const ROLL_BATCH = 25;

export interface ExportRequest {
  readonly format: 'pdf' | 'json';
  readonly from: string;
  readonly to: string;
  readonly categories?: readonly string[];
  readonly redact: 'none' | 'third-parties';
}

export type ExportDeps = Pick<Deps, 'school' | 'students' | 'staff' | 'pupilFiles' | 'categories' | 'incidents' | 'casework' | 'files' | 'audit' | 'clock' | 'ids'>;

/** Where exports are kept in the files bucket: never under `files/` (uploads, malware-scanned). */
export const exportObjectKey = (schoolId: string, exportId: string, format: 'pdf' | 'json') => `schools/${schoolId}/exports/${exportId}.${format}`;

/**
 * A pupil's chronology as a document for a conference, a strategy meeting, Ofsted or a
 * solicitor (issue 13): gathered from the pupil's timeline (the chronology's own Query and
 * category rule), redacted if asked, rendered, stored under the export prefix and answered
 * with a 15-minute link. The export, with its parameters, is audited against the pupil and
 * every pupil on its incidents. Only an elevated DSL reaches this (the permission table);
 * a category closed to the caller is refused by name, and incidents with one are left out.
 */
export async function exportChronology(deps: ExportDeps, caller: StaffCaller, studentId: string, request: ExportRequest, origin: RequestOrigin) {
  const subject = { action: 'student.export', recordType: 'student' as const, recordId: studentId, studentIds: [studentId] };
  const gathered = await gatherChronology(deps, caller, studentId, request, subject);
  const { draft } = gathered;
  const context = request.redact === 'third-parties' ? await redactionContextFor(deps, draft, gathered) : undefined;
  const proposals = context ? proposeRedactions(draft, context) : [];
  const { document, applied } = applyRedactions(draft, request.redact, proposals, new Map(), context?.staff ?? []);

  const exportId = deps.ids.next();
  const key = exportObjectKey(deps.school.id, exportId, request.format);
  // The PDF renderer (pdfkit and its fonts) loads only when a PDF is asked for.
  const body = request.format === 'pdf' ? await (await import('./chronology-pdf')).renderChronologyPdf(document) : new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`);
  const contentType = request.format === 'pdf' ? 'application/pdf' : 'application/json';
  const fileName = `chronology-${draft.pupil.upn || studentId}-${request.from}-to-${request.to}${request.redact === 'third-parties' ? '-redacted' : ''}.${request.format}`;
  await deps.files.put({ key, contentType, body });
  const url = await deps.files.presignDownload({ key, contentType, fileName, expiresInSeconds: EXPORT_URL_SECONDS });

  // Ids and parameters only: nothing staff typed.
  await deps.audit.record(
    auditEvent(deps, caller, origin, {
      ...subject,
      studentIds: [studentId, ...gathered.pupilIds],
      detail: {
        exportId,
        format: request.format,
        from: request.from,
        to: request.to,
        categories: (request.categories ?? []).join(',') || 'all',
        redact: request.redact,
        incidents: String(document.incidents.length),
        hiddenCount: String(document.hiddenCount),
        redactions: String(applied),
        key,
      },
    }),
  );
  const expiresAt = new Date(deps.clock.now().getTime() + EXPORT_URL_SECONDS * 1000).toISOString();
  return {
    exportId,
    format: request.format,
    redact: request.redact,
    fileName,
    url,
    expiresAt,
    expiresInSeconds: EXPORT_URL_SECONDS,
    incidents: document.incidents.length,
    hiddenCount: document.hiddenCount,
    redactions: applied,
  };
}

interface Gathered {
  readonly draft: ChronologyDraft;
  readonly subject: Student;
  /** Every other pupil on the exported incidents. */
  readonly pupilIds: readonly string[];
  readonly pupils: ReadonlyMap<string, Student>;
  readonly staff: readonly StaffProfile[];
}

/**
 * The draft document: the pupil's timeline over the range (one Query a page on their
 * partition), filtered by the chronology's rule, each incident then read whole (its text,
 * linked pupils, actions) with its versions (status changes). Exported for the bench.
 */
export async function gatherChronology(
  deps: Omit<ExportDeps, 'files' | 'audit'>,
  caller: StaffCaller,
  studentId: string,
  request: Pick<ExportRequest, 'from' | 'to' | 'categories'>,
  subject: { action: string; recordType: 'student'; recordId: string; studentIds: string[] },
): Promise<Gathered> {
  const [student, catalogue, staff] = await Promise.all([deps.students.get(studentId), deps.categories.list(), deps.staff.list()]);
  const pupil = foundAbout(subject, student, 'No such pupil.');
  const categoryIds = [...new Set(request.categories ?? [])];
  checkCategories(caller, catalogue, categoryIds, subject);

  const items: TimelineItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.pupilFiles.chronology(studentId, { from: request.from, to: request.to, limit: PAGE_LIMIT, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);

  const { shown, hidden } = chronologyEntriesFor(caller, catalogue, items.filter((item) => item.kind === 'incident'), categoryIds);
  const incidents = shown as TimelineIncident[];
  const referralsOf = new Map<string, TimelineReferral[]>();
  for (const item of items) if (item.kind === 'referral') referralsOf.set(item.incidentId, [...(referralsOf.get(item.incidentId) ?? []), item]);

  const loaded = await inBatches(incidents, LOAD_CONCURRENCY, async (entry) => {
    const [stored, versions] = await Promise.all([deps.incidents.get(entry.incidentId), deps.casework.history(entry.incidentId)]);
    return { entry, stored, versions };
  });
  const pupilIds = [...new Set(loaded.flatMap(({ stored, entry }) => (stored ? [stored.incident.studentId, ...stored.incident.linkedStudents.map((linked) => linked.studentId)] : entry.otherStudentIds)))].filter(
    (id) => id !== studentId,
  );
  const others = await deps.students.getMany(pupilIds);
  const pupils = new Map<string, Student>([[studentId, pupil], ...others]);
  const staffById = new Map(staff.map((member) => [member.id, member]));
  const categoryNames = new Map(catalogue.map((category) => [category.id, category]));

  const pupilName = (id: string): NameField => {
    const found = pupils.get(id);
    return { text: found ? fullName(found) : 'Unknown pupil', person: { kind: 'pupil', id } };
  };
  const staffName = (id: string): NameField => {
    const found = staffById.get(id);
    return { text: found ? displayName(found) : 'Former member of staff', person: { kind: 'staff', id } };
  };

  const draftIncidents: DraftIncident[] = loaded.flatMap(({ entry, stored, versions }) => {
    if (!stored) return [];
    const { incident, actions } = stored;
    return [
      {
        incidentId: incident.id,
        occurredAt: incident.occurredAt,
        recordedAt: incident.recordedAt,
        role: entry.role,
        categories: incident.categories.map((chosen) => {
          const category = categoryNames.get(chosen.categoryId);
          return {
            id: chosen.categoryId,
            name: category?.name ?? chosen.categoryId,
            subCategories: chosen.subCategoryIds.map((sub) => category?.subCategories.find((each) => each.id === sub)?.name ?? sub),
          };
        }),
        ...(incident.location ? { location: incident.location } : {}),
        author: staffName(incident.authorId),
        text: incident.description,
        status: incident.status,
        ...(incident.outcome ? { outcome: incident.outcome } : {}),
        pupil: { name: pupilName(incident.studentId), role: 'subject' },
        linkedPupils: incident.linkedStudents.map((linked) => ({ name: pupilName(linked.studentId), role: linked.role })),
        actions: [...actions].sort((left, right) => (left.createdAt < right.createdAt ? -1 : 1)).map((action) => ({ at: action.createdAt, author: staffName(action.authorId), text: action.text })),
        statusChanges: versions.flatMap((version) =>
          version.changes
            .filter((change) => change.field === 'status')
            .map((change) => ({ at: version.at, by: staffName(version.changedBy), from: (change.before as string | null) ?? null, to: String(change.after), reason: version.reason })),
        ),
        referrals: (referralsOf.get(incident.id) ?? []).map((referral) => ({
          agency: referral.agency,
          ...(referral.agencyName ? { agencyName: referral.agencyName } : {}),
          madeAt: referral.madeAt,
          responseDueAt: referral.responseDueAt,
          state: referral.state,
          ...(referral.reference ? { reference: referral.reference } : {}),
          ...(referral.outcome ? { outcome: { ...referral.outcome } } : {}),
        })),
      },
    ];
  });
  const me = staffById.get(caller.staffId);
  const draft: ChronologyDraft = {
    school: { id: deps.school.id, name: deps.school.name },
    pupil: { id: studentId, name: pupilName(studentId), upn: pupil.upn, dateOfBirth: pupil.dateOfBirth, yearGroup: pupil.yearGroup, className: pupil.className },
    range: { from: request.from, to: request.to },
    categories: categoryIds.map((id) => ({ id, name: categoryNames.get(id)?.name ?? id })),
    generatedBy: { name: staffName(caller.staffId), jobTitle: me?.jobTitle ?? '' },
    generatedAt: deps.clock.now().toISOString(),
    timeZone: deps.school.timezone,
    hiddenCount: hidden,
    incidents: draftIncidents,
  };
  return { draft, subject: pupil, pupilIds, pupils, staff };
}

/** Each asked-for category must exist, and be open to the caller (the permission table's category rule). */
function checkCategories(caller: StaffCaller, catalogue: readonly Category[], categoryIds: readonly string[], subject: Parameters<typeof refusingAbout>[0]): void {
  const { mayView } = categoryVisibility(caller, catalogue);
  categoryIds.forEach((id, index) => {
    if (!catalogue.some((category) => category.id === id)) throw new UnprocessableError('is not one of the school’s categories', `categories.${index}`);
    refusingAbout({ ...subject, detail: { categoryId: id } }, () => {
      if (!mayView(id)) throw new ForbiddenError(`categories.${index}: this category is not open to you, so you cannot export it.`);
    });
  });
}

/** Who the redaction pass knows: the pupils on the incidents, the roll for the words of the text, and the staff. */
async function redactionContextFor(deps: Pick<Deps, 'students'>, draft: ChronologyDraft, gathered: Gathered) {
  const words = new Set<string>();
  for (const field of draftFields(draft)) if (field.kind === 'text') for (const word of capitalisedWords(field.value)) words.add(word.word);
  const batches = [...words];
  const found: StudentSummary[] = [];
  for (let start = 0; start < batches.length; start += ROLL_BATCH) found.push(...(await deps.students.withForenames(batches.slice(start, start + ROLL_BATCH))));
  const asNames = (pupil: { id: string; givenName: string; familyName: string }): PupilNames => ({ id: pupil.id, givenName: pupil.givenName, familyName: pupil.familyName });
  const pupils = [...new Map([...gathered.pupils.values(), ...found].map((pupil) => [pupil.id, asNames(pupil)])).values()];
  const staff: StaffNames[] = gathered.staff.map((member) => ({ id: member.id, givenName: member.givenName, familyName: member.familyName, jobTitle: member.jobTitle }));
  return { subject: asNames(gathered.subject), pupils, staff };
}

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

