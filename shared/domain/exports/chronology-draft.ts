import type { LinkedStudentRole } from '../incidents/incident';
import type { TimelineRole } from '../casework/timeline';
import type { ReferralAgency } from '../referrals/referral';

/** Who a name in the document is: the redaction pass decides by this, never by the words. */
export type Person = { readonly kind: 'pupil'; readonly id: string } | { readonly kind: 'staff'; readonly id: string };

/** A name as the record gives it, with whose it is. */
export interface NameField {
  readonly text: string;
  readonly person: Person;
}

/**
 * A chronology document before any redaction decision: the same shape as the JSON export
 * (shared/schemas/exports.ts), except that each name is a NameField. The redaction pass reads
 * it; the renderer applies a set of decisions to it (applyRedactions), giving the document.
 */
export interface ChronologyDraft {
  readonly school: { readonly id: string; readonly name: string };
  readonly pupil: { readonly id: string; readonly name: NameField; readonly upn: string; readonly dateOfBirth: string; readonly yearGroup: string; readonly className: string };
  readonly range: { readonly from: string; readonly to: string };
  readonly categories: readonly { readonly id: string; readonly name: string }[];
  readonly generatedBy: { readonly name: NameField; readonly jobTitle: string };
  readonly generatedAt: string;
  readonly timeZone: string;
  readonly hiddenCount: number;
  readonly incidents: readonly DraftIncident[];
}

export interface DraftIncident {
  readonly incidentId: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly role: TimelineRole;
  readonly categories: readonly { readonly id: string; readonly name: string; readonly subCategories: readonly string[] }[];
  readonly location?: string;
  readonly author: NameField;
  readonly text: string;
  readonly status: 'active' | 'closed';
  readonly outcome?: string;
  readonly pupil: { readonly name: NameField; readonly role: TimelineRole };
  readonly linkedPupils: readonly { readonly name: NameField; readonly role: LinkedStudentRole }[];
  readonly actions: readonly { readonly at: string; readonly author: NameField; readonly text: string }[];
  readonly statusChanges: readonly { readonly at: string; readonly by: NameField; readonly from: string | null; readonly to: string; readonly reason: string }[];
  readonly referrals: readonly {
    readonly agency: ReferralAgency;
    readonly agencyName?: string;
    readonly madeAt: string;
    readonly responseDueAt: string;
    readonly state: string;
    readonly reference?: string;
    readonly outcome?: { readonly at: string; readonly text: string };
  }[];
}

/** A place in the draft: a name field, or free text staff typed (where names are looked for). */
export type DraftField =
  | { readonly kind: 'name'; readonly path: string; readonly incident?: number; readonly value: NameField }
  | { readonly kind: 'text'; readonly path: string; readonly incident?: number; readonly value: string };

/** Every name and text field of the draft, in the order the document reads. */
export function draftFields(draft: ChronologyDraft): DraftField[] {
  const fields: DraftField[] = [
    { kind: 'name', path: 'pupil.name', value: draft.pupil.name },
    { kind: 'name', path: 'generatedBy.name', value: draft.generatedBy.name },
  ];
  draft.incidents.forEach((incident, index) => {
    const at = `incidents.${index}`;
    const name = (path: string, value: NameField): DraftField => ({ kind: 'name', path: `${at}.${path}`, incident: index, value });
    const text = (path: string, value: string | undefined): DraftField[] => (value ? [{ kind: 'text', path: `${at}.${path}`, incident: index, value }] : []);
    fields.push(name('pupil.name', incident.pupil.name));
    incident.linkedPupils.forEach((linked, each) => {
      fields.push(name(`linkedPupils.${each}.name`, linked.name));
    });
    fields.push(name('author', incident.author));
    fields.push(...text('location', incident.location), ...text('text', incident.text));
    incident.actions.forEach((action, each) => {
      fields.push(name(`actions.${each}.author`, action.author), ...text(`actions.${each}.text`, action.text));
    });
    incident.statusChanges.forEach((change, each) => {
      fields.push(name(`statusChanges.${each}.by`, change.by), ...text(`statusChanges.${each}.reason`, change.reason));
    });
    fields.push(...text('outcome', incident.outcome));
    incident.referrals.forEach((referral, each) => {
      fields.push(...text(`referrals.${each}.outcome.text`, referral.outcome?.text));
    });
  });
  return fields;
}
