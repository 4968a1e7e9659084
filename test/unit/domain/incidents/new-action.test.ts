import { describe, expect, it } from 'vitest';
import { NewAction } from '../../../../shared/schemas/incidents';
import { parseWith } from '../../../../shared/http/validation';
import { ValidationError } from '../../../../shared/errors/lantern-error';

const tagging = (count: number) => ({ text: 'Phoned home; spoke to mum.', taggedStaffIds: Array.from({ length: count }, (_, index) => `staff-${index}`) });

function refusal(parse: () => unknown): unknown {
  try {
    parse();
  } catch (error) {
    return error;
  }
  throw new Error('the body was accepted');
}

describe('NewAction, parsed with parseWith', () => {
  it('accepts 45 tagged members of staff', () => {
    // Prepare
    const body = tagging(45);

    // Act
    const parsed = parseWith(NewAction, body, '');

    // Assess
    expect(parsed.taggedStaffIds).toHaveLength(45);
  });

  it('refuses a 46th with 400, naming the field and the limit', () => {
    // Prepare
    const body = tagging(46);

    // Act
    const error = refusal(() => parseWith(NewAction, body, ''));

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'validation_failed', issues: [{ field: 'taggedStaffIds', message: 'tag at most 45 people; they can pass it on' }] });
  });
});
