import { describe, expect, it } from 'vitest';
import { type Draft, addMark, clearDraft, DRAFT_KEY, hasContent, loadDraft, loadOrCreateDraft, localDateTimeValue, newDraft, removeMark, saveDraft, toggleCategory, toRequestBody } from '../../web/src/record/draft';
import { MemoryStorage } from './memory-storage';

const at = new Date(2026, 10, 23, 9, 5);
let counter = 0;
const ids = () => `draft-key-${++counter}`;

describe('the record-a-concern draft', () => {
  it('starts with the date and time of now, in the device time, and a new Idempotency-Key', () => {
    // Act
    const draft = newDraft(at, () => 'draft-key-fixed');

    // Assess
    expect(draft.occurredAt).toBe('2026-11-23T09:05');
    expect(draft.idempotencyKey).toBe('draft-key-fixed');
    expect(hasContent(draft)).toBe(false);
  });

  it('keeps one Idempotency-Key for the life of a draft, across reloads', () => {
    // Prepare
    const storage = new MemoryStorage();
    const first = loadOrCreateDraft(storage, at, ids);
    saveDraft(storage, { ...first, description: 'Leo said he was hungry.' });

    // Act
    const reloaded = loadOrCreateDraft(storage, at, ids);

    // Assess
    expect(reloaded.idempotencyKey).toBe(first.idempotencyKey);
    expect(reloaded.description).toBe('Leo said he was hungry.');
  });

  it('gives the next draft a new key once the last was submitted and cleared', () => {
    // Prepare
    const storage = new MemoryStorage();
    const first = loadOrCreateDraft(storage, at, ids);

    // Act
    clearDraft(storage);
    const next = loadOrCreateDraft(storage, at, ids);

    // Assess
    expect(next.idempotencyKey).not.toBe(first.idempotencyKey);
  });

  it('ignores a stored draft it cannot read rather than failing', () => {
    // Prepare
    const storage = new MemoryStorage();
    storage.setItem(DRAFT_KEY, '{not json');

    // Act
    const draft = loadDraft(storage);

    // Assess
    expect(draft).toBeUndefined();
  });

  it('renumbers body-map marks when one is removed, as the API numbers them in order', () => {
    // Prepare
    let draft = newDraft(at, ids);
    draft = addMark(draft, { side: 'front', x: 0.1, y: 0.2 });
    draft = addMark(draft, { side: 'back', x: 0.3, y: 0.4 });
    draft = addMark(draft, { side: 'front', x: 0.5, y: 0.6 });

    // Act
    const after = removeMark(draft, 1);

    // Assess
    expect(after.marks.map((mark) => [mark.side, mark.x])).toEqual([
      ['front', 0.1],
      ['front', 0.5],
    ]);
  });

  it('turns the form into the API request: ISO times, linked roles, alerts, agencies a line, typed category fields', () => {
    // Prepare
    let draft: Draft = {
      ...newDraft(at, ids),
      pupil: { id: 'pupil-1', name: 'Isla Pemberton', yearGroup: 'Year 2', className: 'Cedar' },
      description: 'Isla said Oscar pushed her.',
      location: 'Playground',
      linked: [{ pupil: { id: 'pupil-2', name: 'Oscar Hale', yearGroup: 'Year 5', className: 'Rowan' }, role: 'alleged_perpetrator' as const }],
      alertStaff: [{ id: 'staff-1', name: 'Daniel Osei' }],
      alertGroupIds: ['safeguarding-team'],
      agencies: "Children's social care\n\n  School nurse  ",
      reminderAt: localDateTimeValue(new Date(2026, 10, 24, 12, 0)),
      reminderNote: 'Check in',
    };
    draft = toggleCategory(draft, 'physical-intervention', true);
    draft = { ...draft, categories: { 'physical-intervention': { subCategoryIds: [], fields: { 'hold-used': 'Figure of four', 'duration-minutes': '4', unknown: 'dropped' } } } };
    draft = addMark(draft, { side: 'front', x: 0.25, y: 0.5 });

    // Act
    const body = toRequestBody(draft, () => [
      { id: 'hold-used', kind: 'text' },
      { id: 'duration-minutes', kind: 'minutes' },
    ]);

    // Assess
    expect(body).toMatchObject({
      studentId: 'pupil-1',
      occurredAt: new Date(2026, 10, 23, 9, 5).toISOString(),
      location: 'Playground',
      categories: [{ categoryId: 'physical-intervention', subCategoryIds: [], fields: { 'hold-used': 'Figure of four', 'duration-minutes': 4 } }],
      linkedStudents: [{ studentId: 'pupil-2', role: 'alleged_perpetrator' }],
      bodyMap: [{ side: 'front', x: 0.25, y: 0.5, description: '' }],
      alert: { staffIds: ['staff-1'], groupIds: ['safeguarding-team'] },
      agencies: ["Children's social care", 'School nurse'],
      reminder: { at: new Date(2026, 10, 24, 12, 0).toISOString(), note: 'Check in' },
    });
  });

  it('leaves the decision to the API: an empty pupil is sent as it is, for the API to name the field', () => {
    // Act
    const body = toRequestBody(newDraft(at, ids), () => []);

    // Assess
    expect(body.studentId).toBe('');
    expect(body.categories).toEqual([]);
    expect(body.fileIds).toBeUndefined();
  });

  it('attaches the files uploaded for the draft, in the order they were added', () => {
    // Prepare
    const draft: Draft = {
      ...newDraft(at, ids),
      files: [
        { id: 'file-1', name: 'Letter from parent.pdf', contentType: 'application/pdf', size: 48_213 },
        { id: 'file-2', name: 'Photo of the note.jpg', contentType: 'image/jpeg', size: 2_000_000 },
      ],
    };

    // Act
    const body = toRequestBody(draft, () => []);

    // Assess
    expect(body.fileIds).toEqual(['file-1', 'file-2']);
  });
});
