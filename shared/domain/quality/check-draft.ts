import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';
import type { QualityFinding } from './finding';
import { checkPreparedText } from './check-recording-quality';
import { prepareText } from './text/prepare-text';
import { lookUpRoll, qualityContextOf, type QualityContextDeps } from './gather-quality-context';

export interface DraftForChecking {
  readonly description: string;
  readonly occurredAt?: string;
  readonly categories: readonly { readonly categoryId: string }[];
  readonly studentId?: string;
  readonly linkedStudents: readonly { readonly studentId: string }[];
}

type CheckDeps = QualityContextDeps & { readonly students: Pick<Deps['students'], 'getMany'> } & Pick<Deps, 'schoolProfile' | 'categories' | 'staff' | 'audit' | 'clock' | 'ids'>;

/**
 * `POST /v1/quality-check`: findings for the draft as the author types. The text is not
 * stored, logged or sent anywhere. When a finding names pupils on the roll the author did
 * not put on the draft (initials, unlinked names), the answer shows them, so it is audited
 * like a pupil search, by each pupil; otherwise it shows nothing the author did not send.
 */
export async function checkDraft(deps: CheckDeps, caller: StaffCaller, draft: DraftForChecking, origin: RequestOrigin): Promise<{ findings: QualityFinding[] }> {
  const studentIds = [...(draft.studentId ? [draft.studentId] : []), ...draft.linkedStudents.map((linked) => linked.studentId)];
  const text = prepareText(draft.description);
  const [profile, catalogue, staff, pupils, rollFound] = await Promise.all([
    deps.schoolProfile.get(),
    deps.categories.list(),
    deps.staff.list(),
    deps.students.getMany(studentIds),
    lookUpRoll(deps, text),
  ]);
  const context = qualityContextOf(
    { description: draft.description, occurredAt: draft.occurredAt, categoryIds: draft.categories.map((category) => category.categoryId), studentIds },
    { profile, catalogue, staff, pupils, now: deps.clock.now() },
    rollFound,
  );
  const findings = checkPreparedText(text, context);
  const shown = [...new Set(findings.flatMap((finding) => finding.pupils ?? []).map((pupil) => pupil.id))];
  if (shown.length > 0) {
    await deps.audit.record(auditEvent(deps, caller, origin, { action: 'quality.check', recordType: 'draft', recordId: 'draft', studentIds: shown, detail: { pupilsShown: String(shown.length) } }));
  }
  return { findings };
}
