import type { NewIncidentBody } from '../api/types';
import type { UploadedFile } from '../files/use-uploads';
import type { linkedStudentRoles } from '../../../shared/schemas/incidents';

/**
 * The record-a-concern form's state, kept in sessionStorage so an accidental reload loses
 * nothing, and removed on submit or sign-out. The Idempotency-Key is made once, with the
 * draft: a double tap or a retry of the same draft records one incident.
 */
export type LinkedRole = (typeof linkedStudentRoles)[number];
export const linkedRoles: readonly { value: LinkedRole; label: string }[] = [
  { value: 'involved', label: 'Involved' },
  { value: 'witness', label: 'Witness' },
  { value: 'victim', label: 'Victim' },
  { value: 'alleged_perpetrator', label: 'Alleged perpetrator' },
];

export interface PupilRef {
  readonly id: string;
  readonly name: string;
  readonly yearGroup: string;
  readonly className: string;
}

export interface StaffRef {
  readonly id: string;
  readonly name: string;
}

export interface DraftMark {
  readonly side: 'front' | 'back';
  readonly x: number;
  readonly y: number;
  readonly description: string;
}

export interface DraftCategory {
  readonly subCategoryIds: readonly string[];
  /** Text and minutes fields as typed; multi-select fields as the chosen options. */
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
}

export interface Draft {
  readonly idempotencyKey: string;
  readonly pupil?: PupilRef;
  readonly description: string;
  /** Chosen categories by id, in the order chosen. */
  readonly categories: Readonly<Record<string, DraftCategory>>;
  /** A `datetime-local` value in the device's time: "2026-11-23T09:30". */
  readonly occurredAt: string;
  readonly location: string;
  readonly linked: readonly { readonly pupil: PupilRef; readonly role: LinkedRole }[];
  readonly marks: readonly DraftMark[];
  readonly alertStaff: readonly StaffRef[];
  readonly alertGroupIds: readonly string[];
  readonly assigned: readonly StaffRef[];
  /** One agency a line. */
  readonly agencies: string;
  readonly reminderAt: string;
  readonly reminderNote: string;
  /** Files uploaded for it, attached when it is submitted (absent in drafts from before files). */
  readonly files?: readonly UploadedFile[];
}

export const DRAFT_KEY = 'lantern.draft';

export function localDateTimeValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function newDraft(now: Date, newId: () => string): Draft {
  return {
    idempotencyKey: newId(),
    description: '',
    categories: {},
    occurredAt: localDateTimeValue(now),
    location: '',
    linked: [],
    marks: [],
    alertStaff: [],
    alertGroupIds: [],
    assigned: [],
    agencies: '',
    reminderAt: '',
    reminderNote: '',
  };
}

export function loadDraft(storage: Pick<Storage, 'getItem'>): Draft | undefined {
  const raw = storage.getItem(DRAFT_KEY);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Draft;
    return typeof parsed.idempotencyKey === 'string' && parsed.idempotencyKey.length >= 8 ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The stored draft, or a new one (with a new Idempotency-Key) when there is none. */
export function loadOrCreateDraft(storage: Pick<Storage, 'getItem' | 'setItem'>, now: Date, newId: () => string): Draft {
  const existing = loadDraft(storage);
  if (existing) return existing;
  const draft = newDraft(now, newId);
  saveDraft(storage, draft);
  return draft;
}

export function saveDraft(storage: Pick<Storage, 'setItem'>, draft: Draft): void {
  storage.setItem(DRAFT_KEY, JSON.stringify(draft));
}

export function clearDraft(storage: Pick<Storage, 'removeItem'>): void {
  storage.removeItem(DRAFT_KEY);
}

/** Whether the draft holds anything worth keeping (so the dashboard can offer to go back to it). */
export function hasContent(draft: Draft): boolean {
  return Boolean(draft.pupil || draft.description.trim() || Object.keys(draft.categories).length || draft.marks.length || draft.linked.length);
}

/** The list with the member added at the end, unless they are on it already. */
export function withMember<T extends { readonly id: string }>(list: readonly T[], member: T): readonly T[] {
  return list.some((each) => each.id === member.id) ? list : [...list, member];
}

/** The draft with one category's choice changed; a category not yet chosen starts empty, last in order. */
export function updateCategory(draft: Draft, categoryId: string, change: (choice: DraftCategory) => DraftCategory): Draft {
  const existing = draft.categories[categoryId] ?? { subCategoryIds: [], fields: {} };
  return { ...draft, categories: { ...draft.categories, [categoryId]: change(existing) } };
}

export function toggleCategory(draft: Draft, categoryId: string, chosen: boolean): Draft {
  if (chosen) return updateCategory(draft, categoryId, (choice) => choice);
  const { [categoryId]: _removed, ...categories } = draft.categories;
  return { ...draft, categories };
}

export function addMark(draft: Draft, mark: Omit<DraftMark, 'description'>): Draft {
  return { ...draft, marks: [...draft.marks, { ...mark, description: '' }] };
}

/** Removing a mark renumbers the rest, as the API numbers marks in order. */
export function removeMark(draft: Draft, index: number): Draft {
  return { ...draft, marks: draft.marks.filter((_, position) => position !== index) };
}

export interface CategoryFieldShape {
  readonly id: string;
  readonly kind: 'multiSelect' | 'text' | 'minutes';
}

/**
 * The request body for POST /v1/incidents. Only shapes are converted here: whether the
 * pupil, categories, people and times are acceptable is the API's decision.
 */
export function toRequestBody(draft: Draft, fieldsOf: (categoryId: string) => readonly CategoryFieldShape[]): NewIncidentBody {
  const occurred = draft.occurredAt ? new Date(draft.occurredAt) : undefined;
  const reminderAt = draft.reminderAt ? new Date(draft.reminderAt) : undefined;
  const agencies = draft.agencies
    .split('\n')
    .map((agency) => agency.trim())
    .filter(Boolean);
  return {
    studentId: draft.pupil?.id ?? '',
    ...(occurred && !Number.isNaN(occurred.getTime()) ? { occurredAt: occurred.toISOString() } : draft.occurredAt ? { occurredAt: draft.occurredAt } : {}),
    description: draft.description,
    categories: Object.entries(draft.categories).map(([categoryId, choice]) => ({
      categoryId,
      subCategoryIds: [...choice.subCategoryIds],
      fields: categoryFields(choice, fieldsOf(categoryId)),
    })),
    linkedStudents: draft.linked.map((linked) => ({ studentId: linked.pupil.id, role: linked.role })),
    ...(draft.location ? { location: draft.location } : {}),
    bodyMap: draft.marks.map((mark) => ({ side: mark.side, x: mark.x, y: mark.y, description: mark.description })),
    assignedTo: draft.assigned.map((member) => member.id),
    alert: { staffIds: draft.alertStaff.map((member) => member.id), groupIds: [...draft.alertGroupIds] },
    agencies,
    ...(reminderAt && !Number.isNaN(reminderAt.getTime()) ? { reminder: { at: reminderAt.toISOString(), note: draft.reminderNote } } : {}),
    ...(draft.files?.length ? { fileIds: draft.files.map((file) => file.id) } : {}),
  };
}

function categoryFields(choice: DraftCategory, shapes: readonly CategoryFieldShape[]): Record<string, string | number | string[]> {
  const fields: Record<string, string | number | string[]> = {};
  for (const shape of shapes) {
    const value = choice.fields[shape.id];
    if (value === undefined) continue;
    if (shape.kind === 'multiSelect') {
      if (Array.isArray(value) && value.length > 0) fields[shape.id] = [...value];
    } else if (typeof value === 'string' && value.trim() !== '') {
      fields[shape.id] = shape.kind === 'minutes' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
    }
  }
  return fields;
}
