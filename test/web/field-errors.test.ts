import { describe, expect, it } from 'vitest';
import { controlIdFor, issuesByControl } from '../../web/src/record/field-errors';

describe("placing the API's field errors beside their controls", () => {
  it.each([
    ['studentId', 'pupil'],
    ['occurredAt', 'occurredAt'],
    ['description', 'description'],
    ['location', 'location'],
    ['categories', 'categories'],
    ['linkedStudents.2.studentId', 'linked-2'],
    ['bodyMap.1.description', 'mark-1-description'],
    ['reminder.at', 'reminderAt'],
    ['reminder.note', 'reminderNote'],
    ['alert.staffIds.0', 'alert'],
    ['assignedTo.3', 'assigned'],
    ['agencies.0', 'agencies'],
    ['fileIds.1', 'files'],
  ])('maps %s to #%s', (field, controlId) => {
    // Act
    const placed = controlIdFor(field);

    // Assess
    expect(placed).toBe(controlId);
  });

  it("maps a category's extra field to that category's control", () => {
    // Act
    const placed = controlIdFor('categories.1.fields.hold-used', (index) => ['bullying', 'physical-intervention'][index]);

    // Assess
    expect(placed).toBe('category-physical-intervention-field-hold-used');
  });

  it('keeps issues no control matches for the summary', () => {
    // Act
    const { byControl, unplaced } = issuesByControl([
      { field: 'occurredAt', message: 'is in the future' },
      { field: 'occurredAt', message: 'is not a valid date-time' },
      { field: 'Idempotency-Key', message: 'must be 8 to 200 letters' },
    ]);

    // Assess
    expect(byControl.get('occurredAt')).toEqual(['is in the future', 'is not a valid date-time']);
    expect(unplaced).toEqual(['must be 8 to 200 letters']);
  });
});
