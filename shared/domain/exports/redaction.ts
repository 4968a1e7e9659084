import type { ChronologyExportDocument } from '../../schemas/exports';
import { capitalisedWords } from '../quality/text/name-words';
import { type ChronologyDraft, type NameField, type Person, draftFields } from './chronology-draft';
import { isEverydayWord } from './common-words';

/**
 * Third-party redaction, in two parts so the disclosure workbench can put a DSL's decisions
 * between them: `proposeRedactions` finds every other pupil's and every member of staff's
 * name (each proposal with its field, its span in the text, whose it is and why), and
 * `applyRedactions` renders the document from a set of decisions (by default: every
 * proposal that is proposed). Pupils are numbered [pupil 1], [pupil 2]… by where each first
 * appears among the applied redactions, so one pupil keeps one number through the document.
 *
 * What counts as a name (README "Exports"):
 * - linked fields: every pupil other than the exported one, and every member of staff
 *   (authors, who changed a status, who generated it);
 * - in text: a pupil's forename and surname ("Ava Thompson") for any pupil on the roll whose
 *   forename appears or who is on any exported incident; a member of staff's full name, title
 *   and surname ("Mr Osei"), or initial and surname ("HPrice", "H. Price");
 * - a forename alone: the pupil on that incident with it, else the one pupil on the roll with
 *   it; several and none on the incident: "[a pupil]". The exported pupil's own forename alone
 *   is them and is never redacted. A staff forename alone when no pupil has it: that member of
 *   staff when only one has it.
 * - a forename alone that is also an everyday word (common-words.ts: Hope, Will, May…) is
 *   listed but not proposed: the DSL decides in the workbench; the full name is always proposed.
 */
export interface PupilNames {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
}

export interface StaffNames extends PupilNames {
  readonly jobTitle: string;
}

export interface RedactionContext {
  /** The exported pupil: the data subject, never redacted. */
  readonly subject: PupilNames;
  /** Other pupils the roll gave for the words of the text, and every pupil on the exported incidents. */
  readonly pupils: readonly PupilNames[];
  readonly staff: readonly StaffNames[];
}

export type RedactionReason =
  | 'pupil-field'
  | 'pupil-full-name'
  | 'pupil-forename'
  | 'pupil-forename-ambiguous'
  | 'staff-field'
  | 'staff-name'
  | 'staff-forename'
  | 'staff-forename-ambiguous'
  | 'everyday-word';

export interface RedactionProposal {
  /** Stable within one draft: the field's path, and the span's start in its text. */
  readonly id: string;
  /** Where in the document (a path into ChronologyExportDocument: `incidents.3.actions.0.text`). */
  readonly path: string;
  /** In a text field, the characters replaced; absent for a whole name field. */
  readonly span?: { readonly start: number; readonly end: number };
  readonly original: string;
  /** Whose name it is; absent when the text cannot say which of several it is. */
  readonly person?: Person;
  readonly replaces: 'pupil' | 'staff';
  readonly reason: RedactionReason;
  /** False for a name listed but not proposed (an everyday word): applied only when a decision says so. */
  readonly proposed: boolean;
}

/** Decisions by proposal id: true redacts, false keeps the name. A proposal without one follows `proposed`. */
export type RedactionDecisions = ReadonlyMap<string, boolean>;

const boundaryBefore = '(?<![\\p{L}\\p{N}])';
const boundaryAfter = '(?![\\p{L}\\p{N}])';
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

interface Mention {
  readonly start: number;
  readonly end: number;
  readonly person?: Person;
  readonly replaces: 'pupil' | 'staff';
  readonly reason: RedactionReason;
  readonly proposed: boolean;
}

interface Matcher {
  readonly pattern: RegExp;
  readonly person: Person;
  readonly replaces: 'pupil' | 'staff';
  readonly reason: RedactionReason;
}

function matchersFor(context: RedactionContext): Matcher[] {
  const matchers: Matcher[] = [];
  for (const pupil of context.pupils) {
    if (pupil.id === context.subject.id) continue;
    matchers.push({ pattern: new RegExp(`${boundaryBefore}${escaped(pupil.givenName)}\\s+${escaped(pupil.familyName)}${boundaryAfter}`, 'giu'), person: { kind: 'pupil', id: pupil.id }, replaces: 'pupil', reason: 'pupil-full-name' });
  }
  for (const member of context.staff) {
    const person: Person = { kind: 'staff', id: member.id };
    const surname = escaped(member.familyName);
    const initial = escaped(member.givenName.slice(0, 1).toUpperCase());
    matchers.push(
      { pattern: new RegExp(`${boundaryBefore}${escaped(member.givenName)}\\s+${surname}${boundaryAfter}`, 'giu'), person, replaces: 'staff', reason: 'staff-name' },
      { pattern: new RegExp(`${boundaryBefore}(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.?\\s+${surname}${boundaryAfter}`, 'gu'), person, replaces: 'staff', reason: 'staff-name' },
      // Seed 002's way of writing staff: first initial and surname, "HPrice" (or "H Price", "H. Price").
      { pattern: new RegExp(`${boundaryBefore}${initial}\\.?\\s?${surname}${boundaryAfter}`, 'gu'), person, replaces: 'staff', reason: 'staff-name' },
    );
  }
  return matchers;
}

/** The names in one text: longer and earlier mentions win where two overlap. */
function mentionsIn(text: string, matchers: readonly Matcher[], forenameAlone: (word: string) => Omit<Mention, 'start' | 'end'> | undefined): Mention[] {
  const found: Mention[] = [];
  for (const matcher of matchers) {
    for (const match of text.matchAll(matcher.pattern)) {
      found.push({ start: match.index, end: match.index + match[0].length, person: matcher.person, replaces: matcher.replaces, reason: matcher.reason, proposed: true });
    }
  }
  for (const word of capitalisedWords(text)) {
    const mention = forenameAlone(word.word);
    if (mention) found.push({ start: word.start, end: word.end, ...mention });
  }
  found.sort((left, right) => left.start - right.start || right.end - left.end);
  const kept: Mention[] = [];
  for (const mention of found) {
    const last = kept[kept.length - 1];
    if (last && mention.start < last.end) continue;
    kept.push(mention);
  }
  return kept;
}

/** Every other pupil's and every member of staff's name in the draft, in document order. */
export function proposeRedactions(draft: ChronologyDraft, context: RedactionContext): RedactionProposal[] {
  const matchers = matchersFor(context);
  const byForename = <T extends PupilNames>(people: readonly T[]) => {
    const groups = new Map<string, T[]>();
    for (const person of people) groups.set(person.givenName.toLowerCase(), [...(groups.get(person.givenName.toLowerCase()) ?? []), person]);
    return groups;
  };
  const otherPupils = [...new Map(context.pupils.filter((pupil) => pupil.id !== context.subject.id).map((pupil) => [pupil.id, pupil])).values()];
  const pupilsByForename = byForename(otherPupils);
  const staffByForename = byForename(context.staff);
  const subjectForename = context.subject.givenName.toLowerCase();
  const pupilsOnIncident = draft.incidents.map((incident) => new Set([incident.pupil.name.person.id, ...incident.linkedPupils.map((linked) => linked.name.person.id)]));

  const forenameAlone = (incident: number | undefined) => (word: string): Omit<Mention, 'start' | 'end'> | undefined => {
    const name = word.toLowerCase().replace(/’/gu, "'");
    // The exported pupil's own forename, alone, is them.
    if (name === subjectForename) return undefined;
    const pupils = pupilsByForename.get(name) ?? [];
    const staff = staffByForename.get(name) ?? [];
    let resolved: Omit<Mention, 'start' | 'end'> | undefined;
    if (pupils.length > 0) {
      const onIncident = incident === undefined ? [] : pupils.filter((pupil) => pupilsOnIncident[incident]!.has(pupil.id));
      const one = onIncident.length === 1 ? onIncident[0] : pupils.length === 1 ? pupils[0] : undefined;
      resolved = one
        ? { person: { kind: 'pupil', id: one.id }, replaces: 'pupil', reason: 'pupil-forename', proposed: true }
        : { replaces: 'pupil', reason: 'pupil-forename-ambiguous', proposed: true };
    } else if (staff.length > 0) {
      resolved = staff.length === 1 ? { person: { kind: 'staff', id: staff[0]!.id }, replaces: 'staff', reason: 'staff-forename', proposed: true } : { replaces: 'staff', reason: 'staff-forename-ambiguous', proposed: true };
    }
    if (resolved && isEverydayWord(name)) return { ...resolved, reason: 'everyday-word', proposed: false };
    return resolved;
  };

  const proposals: RedactionProposal[] = [];
  for (const field of draftFields(draft)) {
    if (field.kind === 'name') {
      const { person } = field.value;
      if (person.kind === 'pupil' && person.id === context.subject.id) continue;
      proposals.push({ id: field.path, path: field.path, original: field.value.text, person, replaces: person.kind, reason: person.kind === 'pupil' ? 'pupil-field' : 'staff-field', proposed: true });
      continue;
    }
    for (const mention of mentionsIn(field.value, matchers, forenameAlone(field.incident))) {
      proposals.push({
        id: `${field.path}@${mention.start}`,
        path: field.path,
        span: { start: mention.start, end: mention.end },
        original: field.value.slice(mention.start, mention.end),
        ...(mention.person ? { person: mention.person } : {}),
        replaces: mention.replaces,
        reason: mention.reason,
        proposed: mention.proposed,
      });
    }
  }
  return proposals;
}

const isApplied = (proposal: RedactionProposal, decisions: RedactionDecisions) => decisions.get(proposal.id) ?? proposal.proposed;

/**
 * What each applied proposal is replaced by: a pupil's number by first appearance among the
 * applied ones, a member of staff's job title ("[Year 3 teacher]" in text).
 */
export function replacementsFor(proposals: readonly RedactionProposal[], decisions: RedactionDecisions, staff: readonly StaffNames[]): Map<string, string> {
  const numbers = new Map<string, number>();
  const titles = new Map(staff.map((member) => [member.id, member.jobTitle.trim() || 'member of staff']));
  const replacements = new Map<string, string>();
  for (const proposal of proposals) {
    if (!isApplied(proposal, decisions)) continue;
    let label: string;
    if (proposal.replaces === 'pupil') {
      if (proposal.person) {
        if (!numbers.has(proposal.person.id)) numbers.set(proposal.person.id, numbers.size + 1);
        label = `pupil ${numbers.get(proposal.person.id)}`;
      } else label = 'a pupil';
    } else label = proposal.person ? (titles.get(proposal.person.id) ?? 'former member of staff') : 'a member of staff';
    replacements.set(proposal.id, proposal.span || proposal.replaces === 'pupil' ? `[${label}]` : label);
  }
  return replacements;
}

/**
 * The document from the draft and a set of decisions. With no proposals (redact: none), every
 * name as the record gives it.
 */
export function applyRedactions(
  draft: ChronologyDraft,
  redaction: ChronologyExportDocument['redaction'],
  proposals: readonly RedactionProposal[] = [],
  decisions: RedactionDecisions = new Map(),
  staff: readonly StaffNames[] = [],
): { document: ChronologyExportDocument; applied: number } {
  const replacements = replacementsFor(proposals, decisions, staff);
  const byPath = new Map<string, RedactionProposal[]>();
  for (const proposal of proposals) if (replacements.has(proposal.id)) byPath.set(proposal.path, [...(byPath.get(proposal.path) ?? []), proposal]);
  const name = (path: string, value: NameField) => {
    const whole = byPath.get(path)?.find((proposal) => !proposal.span);
    return whole ? replacements.get(whole.id)! : value.text;
  };
  const text = (path: string, value: string) => {
    const spans = (byPath.get(path) ?? []).filter((proposal) => proposal.span).sort((left, right) => right.span!.start - left.span!.start);
    let result = value;
    for (const proposal of spans) result = `${result.slice(0, proposal.span!.start)}${replacements.get(proposal.id)}${result.slice(proposal.span!.end)}`;
    return result;
  };
  const document: ChronologyExportDocument = {
    schema: 'lantern.chronology-export/1',
    school: { ...draft.school },
    pupil: { ...draft.pupil, name: name('pupil.name', draft.pupil.name) },
    range: { ...draft.range },
    categories: draft.categories.map((category) => ({ ...category })),
    redaction,
    generatedBy: { name: name('generatedBy.name', draft.generatedBy.name), jobTitle: draft.generatedBy.jobTitle },
    generatedAt: draft.generatedAt,
    timeZone: draft.timeZone,
    hiddenCount: draft.hiddenCount,
    incidents: draft.incidents.map((incident, index) => {
      const at = `incidents.${index}`;
      return {
        incidentId: incident.incidentId,
        occurredAt: incident.occurredAt,
        recordedAt: incident.recordedAt,
        role: incident.role,
        categories: incident.categories.map((category) => ({ ...category, subCategories: [...category.subCategories] })),
        ...(incident.location ? { location: text(`${at}.location`, incident.location) } : {}),
        author: name(`${at}.author`, incident.author),
        text: text(`${at}.text`, incident.text),
        status: incident.status,
        ...(incident.outcome ? { outcome: text(`${at}.outcome`, incident.outcome) } : {}),
        pupil: { name: name(`${at}.pupil.name`, incident.pupil.name), role: incident.pupil.role },
        linkedPupils: incident.linkedPupils.map((linked, each) => ({ name: name(`${at}.linkedPupils.${each}.name`, linked.name), role: linked.role })),
        actions: incident.actions.map((action, each) => ({ at: action.at, author: name(`${at}.actions.${each}.author`, action.author), text: text(`${at}.actions.${each}.text`, action.text) })),
        statusChanges: incident.statusChanges.map((change, each) => ({
          at: change.at,
          by: name(`${at}.statusChanges.${each}.by`, change.by),
          from: change.from,
          to: change.to,
          reason: text(`${at}.statusChanges.${each}.reason`, change.reason),
        })),
        referrals: incident.referrals.map((referral, each) => ({
          ...referral,
          ...(referral.outcome ? { outcome: { at: referral.outcome.at, text: text(`${at}.referrals.${each}.outcome.text`, referral.outcome.text) } } : {}),
        })),
      };
    }),
  };
  return { document, applied: replacements.size };
}

