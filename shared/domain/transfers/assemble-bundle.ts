import { UnprocessableError } from '../../errors/lantern-error';
import type { TransferBundle } from '../../schemas/transfer-bundle';
import { TRANSFER_BUNDLE_FORMAT, TRANSFER_BUNDLE_VERSION } from '../../schemas/transfer-bundle';
import type { Category } from '../categories/category';
import type { AttachedFile } from '../files/stored-file';
import type { Incident, IncidentAction } from '../incidents/incident';
import type { Referral } from '../referrals/referral';
import { displayName, type StaffProfile } from '../staff/staff-profile';
import type { SafeguardingFlag } from '../students/safeguarding-flags';
import type { Student } from '../students/student';

type Bundle = TransferBundle;

/** One of the pupil's incidents with what hangs off it. */
export interface IncidentRecord {
  readonly incident: Incident;
  readonly actions: readonly IncidentAction[];
  readonly referrals: readonly Referral[];
}

/** Everything a bundle is made from, read by the caller (the sending use case) beforehand. */
export interface BundleSources {
  readonly bundleId: string;
  readonly createdAt: Date;
  readonly sender: Bundle['sender'];
  readonly recipient: Bundle['recipient'];
  readonly student: Student;
  readonly leavingDate: string;
  readonly nhsNumber?: string;
  readonly flags: readonly SafeguardingFlag[];
  readonly incidents: readonly IncidentRecord[];
  /** The authors of the entries; one no longer in the directory is sent as "Former member of staff". */
  readonly staff: ReadonlyMap<string, StaffProfile>;
  readonly categories: readonly Category[];
  /** SHA-256 (lower-case hex) of each attached file's bytes, by file id. */
  readonly fileHashes: ReadonlyMap<string, string>;
  readonly chronologyPdf: Bundle['chronologyPdf'];
}

/**
 * The pupil's child-protection file as a v1 bundle: every incident about or linking them,
 * oldest first, with their role, the authors' names and job titles as they stand, category
 * and question names (the receiver has its own ids), and each attached file in the manifest.
 * A file whose bytes are not available to send is refused, naming it: a child-protection
 * file is never sent with a record silently left out.
 */
export function assembleTransferBundle(sources: BundleSources): TransferBundle {
  const person = personOf(sources.staff);
  const files = new Map<string, AttachedFile>();
  const collect = (attached: readonly AttachedFile[] | undefined) => {
    for (const file of attached ?? []) files.set(file.id, file);
    return (attached ?? []).map((file) => file.id);
  };
  const incidents = [...sources.incidents]
    .sort((left, right) => left.incident.occurredAt.localeCompare(right.incident.occurredAt) || left.incident.id.localeCompare(right.incident.id))
    .map(({ incident, actions, referrals }) => ({
      id: incident.id,
      role: roleOf(incident, sources.student.id),
      occurredAt: incident.occurredAt,
      recordedAt: incident.recordedAt,
      author: person(incident.authorId),
      ...(incident.location ? { location: incident.location } : {}),
      description: incident.description,
      categories: incident.categories.map((chosen) => categoryOf(chosen, sources.categories)),
      bodyMap: incident.bodyMap.map((mark) => ({ number: mark.number, side: mark.side, x: mark.x, y: mark.y, description: mark.description })),
      agencies: [...incident.agencies],
      status: incident.status,
      ...(incident.outcome ? { outcome: incident.outcome } : {}),
      fileIds: collect(incident.files),
      actions: [...actions]
        .sort((left, right) => left.createdAt.localeCompare(right.createdAt))
        .map((action) => ({ id: action.id, createdAt: action.createdAt, author: person(action.authorId), text: action.text, fileIds: collect(action.files) })),
      referrals: referrals.map((referral) => ({
        id: referral.id,
        agency: referral.agency,
        ...(referral.agencyName ? { agencyName: referral.agencyName } : {}),
        madeAt: referral.madeAt,
        madeBy: person(referral.madeBy),
        ...(referral.reference ? { reference: referral.reference } : {}),
        state: referral.state,
        ...(referral.acknowledgedAt ? { acknowledgedAt: referral.acknowledgedAt } : {}),
        ...(referral.outcome ? { outcome: { at: referral.outcome.at, text: referral.outcome.text } } : {}),
      })),
    }));
  return {
    format: TRANSFER_BUNDLE_FORMAT,
    version: TRANSFER_BUNDLE_VERSION,
    bundleId: sources.bundleId,
    createdAt: sources.createdAt.toISOString(),
    sender: sources.sender,
    recipient: sources.recipient,
    pupil: {
      upn: sources.student.upn,
      givenName: sources.student.givenName,
      familyName: sources.student.familyName,
      dateOfBirth: sources.student.dateOfBirth,
      ...(sources.nhsNumber ? { nhsNumber: sources.nhsNumber } : {}),
      leavingDate: sources.leavingDate,
      senderPupilId: sources.student.id,
    },
    flags: sources.flags.map((flag) => ({
      kind: flag.kind,
      ...(flag.label ? { label: flag.label } : {}),
      startDate: flag.startDate,
      ...(flag.endDate ? { endDate: flag.endDate } : {}),
      reason: flag.reason,
    })),
    chronology: { incidents },
    files: [...files.values()].map((file) => {
      const sha256 = sources.fileHashes.get(file.id);
      if (!sha256) throw new UnprocessableError(`file ${file.id} is not available to send (not scanned clean, or missing)`, 'files');
      return { id: file.id, name: file.name, contentType: file.contentType, size: file.size, sha256 };
    }),
    chronologyPdf: sources.chronologyPdf,
  };
}

function roleOf(incident: Incident, studentId: string): Bundle['chronology']['incidents'][number]['role'] {
  if (incident.studentId === studentId) return 'subject';
  const linked = incident.linkedStudents.find((candidate) => candidate.studentId === studentId);
  return linked?.role ?? 'involved';
}

function personOf(staff: ReadonlyMap<string, StaffProfile>) {
  return (staffId: string) => {
    const profile = staff.get(staffId);
    return profile ? { name: displayName(profile), ...(profile.jobTitle ? { jobTitle: profile.jobTitle } : {}) } : { name: 'Former member of staff' };
  };
}

function categoryOf(chosen: Incident['categories'][number], categories: readonly Category[]) {
  const category = categories.find((candidate) => candidate.id === chosen.categoryId);
  return {
    name: category?.name ?? 'Category no longer in use',
    subCategories: chosen.subCategoryIds.map((id) => category?.subCategories.find((sub) => sub.id === id)?.name ?? id),
    answers: Object.entries(chosen.fields).map(([fieldId, answer]) => ({
      question: category?.fields.find((field) => field.id === fieldId)?.label ?? fieldId,
      answer: typeof answer === 'string' || typeof answer === 'number' ? answer : [...answer],
    })),
  };
}
