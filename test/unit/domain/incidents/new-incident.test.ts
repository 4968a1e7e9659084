import { describe, expect, it } from 'vitest';
import { NewIncident } from '../../../../shared/schemas/incidents';
import { parseWith } from '../../../../shared/http/validation';
import { ValidationError } from '../../../../shared/errors/lantern-error';
import { incidentBody } from '../../support/incident-input';

function validationErrorFrom(parse: () => unknown): ValidationError {
  try {
    parse();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('the body was accepted');
}

const mark = { side: 'front' as const, x: 0.4, y: 0.3, description: 'Red graze, about 3 cm, left elbow' };

/** Each case breaks one field of an otherwise good body; the error must name that field. */
const wrongInTurn: [string, Record<string, unknown>, string][] = [
  ['studentId missing', { studentId: undefined }, 'studentId'],
  ['studentId empty', { studentId: '  ' }, 'studentId'],
  ['occurredAt not an ISO date-time', { occurredAt: '15/01/2025 09:40' }, 'occurredAt'],
  ['description empty', { description: '' }, 'description'],
  ['description only whitespace', { description: ' \n\t ' }, 'description'],
  ['description longer than 20,000 characters', { description: 'a'.repeat(20_001) }, 'description'],
  ['no categories', { categories: [] }, 'categories'],
  ['a category choice with an extra key', { categories: [{ categoryId: 'behaviour', colour: 'red' }] }, 'categories.0.colour'],
  ['a linked pupil with an unknown role', { linkedStudents: [{ studentId: 'student-leo', role: 'bystander' }] }, 'linkedStudents.0.role'],
  ['a body-map mark left of the outline', { bodyMap: [{ ...mark, x: -0.01 }] }, 'bodyMap.0.x'],
  ['a body-map mark below the outline', { bodyMap: [mark, { ...mark, y: 1.01 }] }, 'bodyMap.1.y'],
  ['a body-map x below DynamoDB\'s smallest number (1e-130)', { bodyMap: [{ ...mark, x: 1e-200 }] }, 'bodyMap.0.x'],
  ['a body-map y finer than a millionth', { bodyMap: [{ ...mark, y: 1e-7 }] }, 'bodyMap.0.y'],
  ['a minutes answer that is not a whole number', { categories: [{ categoryId: 'behaviour', fields: { minutes: 1e-200 } }] }, 'categories.0.fields.minutes'],
  ['a minutes answer past a day', { categories: [{ categoryId: 'behaviour', fields: { minutes: 1e300 } }] }, 'categories.0.fields.minutes'],
  ['a text answer past the longest a question may ask', { categories: [{ categoryId: 'behaviour', fields: { details: 'a'.repeat(20_001) } }] }, 'categories.0.fields.details'],
  ['a body-map side that is not front or back', { bodyMap: [{ ...mark, side: 'left' }] }, 'bodyMap.0.side'],
  ['a body-map mark without a description', { bodyMap: [{ ...mark, description: ' ' }] }, 'bodyMap.0.description'],
  ['status not active or closed', { status: 'open' }, 'status'],
  ['assignedTo not a list', { assignedTo: '0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8d002' }, 'assignedTo'],
  ['alert.groupIds not a list', { alert: { staffIds: [], groupIds: 'senior-leadership' } }, 'alert.groupIds'],
  ['an empty agency', { agencies: ['Police', ''] }, 'agencies.1'],
  ['reminder.at not a date-time', { reminder: { at: 'next Tuesday', note: 'Check in with Amara' } }, 'reminder.at'],
  ['an unknown top-level key', { pupilName: 'Amara Osei' }, 'pupilName'],
];

describe('NewIncident, parsed with parseWith', () => {
  it.each(wrongInTurn)('refuses %s, naming the field', (_case, change, field) => {
    // Prepare
    const body = { ...incidentBody(), ...change };

    // Act
    const error = validationErrorFrom(() => parseWith(NewIncident, body, ''));

    // Assess
    // zod may add a second complaint (a list's length checked on a string): same field.
    expect(new Set(error.issues.map((issue) => issue.field))).toEqual(new Set([field]));
    expect(error.message).toContain(field);
  });

  it('says a missing pupil "is required"', () => {
    // Prepare
    const { studentId: _omitted, ...body } = incidentBody();

    // Act
    const error = validationErrorFrom(() => parseWith(NewIncident, body, ''));

    // Assess
    expect(error.issues).toEqual([{ field: 'studentId', message: 'is required' }]);
  });

  it('applies the defaults: no linked pupils, active, nobody alerted, no body map', () => {
    // Prepare
    const body = incidentBody();

    // Act
    const parsed = parseWith(NewIncident, body, '');

    // Assess
    expect(parsed).toMatchObject({
      linkedStudents: [],
      status: 'active',
      alert: { staffIds: [], groupIds: [] },
      bodyMap: [],
      assignedTo: [],
      agencies: [],
    });
    expect(parsed.categories[0]).toEqual({ categoryId: 'behaviour', subCategoryIds: ['physical-harm-pupil'], fields: {} });
    expect(parsed.occurredAt).toBeUndefined();
  });

  it('accepts a full body with an offset date-time and marks on both sides', () => {
    // Prepare
    const body = incidentBody({
      occurredAt: '2025-01-15T09:40:00+00:00',
      linkedStudents: [{ studentId: 'student-leo', role: 'alleged_perpetrator' }],
      location: 'Playground',
      bodyMap: [mark, { ...mark, side: 'back', x: 0, y: 1 }],
      status: 'closed',
      alert: { staffIds: ['0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8d002'] },
      agencies: ['Early Help'],
      reminder: { at: '2025-01-20T08:00:00Z' },
    });

    // Act
    const parsed = parseWith(NewIncident, body, '');

    // Assess
    expect(parsed.bodyMap).toHaveLength(2);
    expect(parsed.alert).toEqual({ staffIds: ['0b7e6f1c-3f7a-4c1e-9f3d-2a51c0e8d002'], groupIds: [] });
    expect(parsed.reminder).toEqual({ at: '2025-01-20T08:00:00Z', note: '' });
  });
});
