import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { parseWith } from '../../../shared/http/validation';
import { ValidationError } from '../../../shared/errors/lantern-error';

const NewConcern = z.object({
  studentId: z.string().min(1),
  status: z.enum(['active', 'closed']),
  categories: z.array(z.object({ categoryId: z.string(), subCategoryIds: z.array(z.string()) })).min(1),
});

function validationErrorFrom(parse: () => unknown): ValidationError {
  try {
    parse();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('the input was accepted');
}

describe('parseWith', () => {
  it('returns the parsed value when the input fits', () => {
    // Prepare
    const input = { studentId: 's-1', status: 'active', categories: [{ categoryId: 'behaviour', subCategoryIds: ['damage'] }], extra: 'dropped' };

    // Act
    const parsed = parseWith(NewConcern, input, '');

    // Assess
    expect(parsed).toEqual({ studentId: 's-1', status: 'active', categories: [{ categoryId: 'behaviour', subCategoryIds: ['damage'] }] });
  });

  it('names a nested field by its dotted path', () => {
    // Prepare
    const input = { studentId: 's-1', status: 'active', categories: [{ categoryId: 'behaviour', subCategoryIds: [7] }] };

    // Act
    const error = validationErrorFrom(() => parseWith(NewConcern, input, ''));

    // Assess
    expect(error.issues).toEqual([{ field: 'categories.0.subCategoryIds.0', message: expect.any(String) }]);
    expect(error.issues[0]!.message).not.toBe('is required');
  });

  it('says "is required" for each missing field', () => {
    // Prepare
    const input = { categories: [{ subCategoryIds: [] }] };

    // Act
    const error = validationErrorFrom(() => parseWith(NewConcern, input, ''));

    // Assess
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { field: 'studentId', message: 'is required' },
        { field: 'status', message: 'is required' },
        { field: 'categories.0.categoryId', message: 'is required' },
      ]),
    );
    expect(error.issues).toHaveLength(3);
  });

  it('says "is required" when the whole body is missing', () => {
    // Prepare
    const input = undefined;

    // Act
    const error = validationErrorFrom(() => parseWith(NewConcern, input, ''));

    // Assess
    expect(error.issues).toEqual([{ field: '', message: 'is required' }]);
  });

  it('keeps the schema’s message for a present but wrong value', () => {
    // Prepare
    const input = { studentId: 's-1', status: 'archived', categories: [] };

    // Act
    const error = validationErrorFrom(() => parseWith(NewConcern, input, ''));

    // Assess
    expect(error.issues.map((issue) => issue.field)).toEqual(['status', 'categories']);
    expect(error.issues.every((issue) => issue.message !== 'is required')).toBe(true);
  });

  it('puts the prefix in front of each path', () => {
    // Prepare
    const PathParameters = z.object({ incidentId: z.string().length(26) });

    // Act
    const error = validationErrorFrom(() => parseWith(PathParameters, { incidentId: 'short' }, 'path'));

    // Assess
    expect(error.issues).toEqual([{ field: 'path.incidentId', message: expect.any(String) }]);
    expect(error.message).toMatch(/^path\.incidentId: /);
  });
});
