import { describe, expect, it } from 'vitest';
import {
  AccountDisabledError,
  ConflictError,
  ElevationRequiredError,
  ForbiddenError,
  isLanternError,
  LanternError,
  MalformedRequestError,
  NotFoundError,
  UnauthorizedError,
  UnprocessableError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../../shared/errors/lantern-error';

describe('Lantern errors', () => {
  it.each([
    [new ValidationError([{ field: 'body', message: 'is required' }]), 400, 'validation_failed'],
    [new MalformedRequestError('not JSON'), 400, 'malformed_request'],
    [new UnauthorizedError('sign in'), 401, 'unauthorized'],
    [new ForbiddenError('no'), 403, 'forbidden'],
    [new ElevationRequiredError('step up'), 403, 'elevation_required'],
    [new AccountDisabledError('disabled'), 403, 'account_disabled'],
    [new NotFoundError('none'), 404, 'not_found'],
    [new ConflictError('changed'), 409, 'conflict'],
    [new UnsupportedMediaTypeError('json please'), 415, 'unsupported_media_type'],
    [new UnprocessableError('unknown category'), 422, 'unprocessable'],
  ])('%s answers %i %s', (error, status, code) => {
    // Prepare
    const thrown: unknown = error;

    // Act
    const recognised = isLanternError(thrown);

    // Assess
    expect(recognised).toBe(true);
    expect(error).toBeInstanceOf(LanternError);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.name).toBe(error.constructor.name);
  });

  it('does not mistake a plain error for a Lantern error', () => {
    // Prepare
    const thrown: unknown = new Error('socket hang up');

    // Act
    const recognised = isLanternError(thrown);

    // Assess
    expect(recognised).toBe(false);
  });

  it('summarises a single validation issue as field and message', () => {
    // Prepare
    const issues = [{ field: 'categories.0.categoryId', message: 'is required' }];

    // Act
    const error = new ValidationError(issues);

    // Assess
    expect(error.message).toBe('categories.0.categoryId: is required');
    expect(error.details()).toEqual({ issues });
  });

  it('summarises several issues by the first and a count of the rest', () => {
    // Prepare
    const issues = [
      { field: 'occurredAt', message: 'is required' },
      { field: 'summary', message: 'Too long' },
      { field: 'studentIds', message: 'Too small' },
    ];

    // Act
    const error = new ValidationError(issues);

    // Assess
    expect(error.message).toBe('occurredAt: is required (and 2 more)');
  });

  it('summarises an issue about the whole body without a field prefix', () => {
    // Prepare
    const issues = [{ field: '', message: 'is required' }];

    // Act
    const error = new ValidationError(issues);

    // Assess
    expect(error.message).toBe('is required');
  });

  it('builds a one-field validation error', () => {
    // Prepare
    const field = 'upn';

    // Act
    const error = ValidationError.forField(field, 'has the wrong check letter');

    // Assess
    expect(error.issues).toEqual([{ field: 'upn', message: 'has the wrong check letter' }]);
    expect(error.message).toBe('upn: has the wrong check letter');
  });

  it('gives an unprocessable error issues only when it names a field', () => {
    // Prepare
    const withField = new UnprocessableError('No such category', 'categories.0');
    const withoutField = new UnprocessableError('The school is not set up');

    // Act
    const details = [withField.details(), withoutField.details()];

    // Assess
    expect(details).toEqual([{ issues: [{ field: 'categories.0', message: 'No such category' }] }, undefined]);
  });
});
