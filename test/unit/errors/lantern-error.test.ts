import { describe, expect, it } from 'vitest';
import {
  AccountDisabledError,
  ConflictError,
  ElevationRequiredError,
  ForbiddenError,
  isAccessRefusal,
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
    [new ValidationError([{ field: 'body', message: 'is required' }]), 'validation_failed'],
    [new MalformedRequestError('not JSON'), 'malformed_request'],
    [new UnauthorizedError('sign in'), 'unauthorized'],
    [new ForbiddenError('no'), 'forbidden'],
    [new ElevationRequiredError('step up'), 'elevation_required'],
    [new AccountDisabledError('disabled'), 'account_disabled'],
    [new NotFoundError('none'), 'not_found'],
    [new ConflictError('changed'), 'conflict'],
    [new UnsupportedMediaTypeError('json please'), 'unsupported_media_type'],
    [new UnprocessableError('unknown category'), 'unprocessable'],
  ])('%s says what went wrong as %s, and carries no HTTP status', (error, code) => {
    // Prepare
    const thrown: unknown = error;

    // Act
    const recognised = isLanternError(thrown);

    // Assess
    expect(recognised).toBe(true);
    expect(error).toBeInstanceOf(LanternError);
    expect(error.code).toBe(code);
    expect(error.name).toBe(error.constructor.name);
    expect('status' in error).toBe(false);
  });

  it.each([
    ['ConflictError', (cause: Error) => new ConflictError('There is already an account with this email address.', { cause })],
    ['ValidationError', (cause: Error) => new ValidationError([{ field: 'upn', message: 'is not a UPN' }], { cause })],
    ['ValidationError.forField', (cause: Error) => ValidationError.forField('upn', 'is not a UPN', { cause })],
    ['UnprocessableError', (cause: Error) => new UnprocessableError('No such category', 'categories.0', { cause })],
    ['NotFoundError', (cause: Error) => new NotFoundError('none', { cause })],
  ])('%s keeps the error it was raised from as its cause', (_name, raise) => {
    // Prepare
    const sdkError = Object.assign(new Error('User account already exists'), { name: 'UsernameExistsException' });

    // Act
    const error = raise(sdkError);

    // Assess
    expect(error.cause).toBe(sdkError);
  });

  it('tells refusals of access (audited) from faults in the input (not audited)', () => {
    // Prepare
    const refusals = [new UnauthorizedError('a'), new ForbiddenError('b'), new ElevationRequiredError('c'), new AccountDisabledError('d'), new NotFoundError('e')];
    const faults = [new ValidationError([]), new MalformedRequestError('f'), new UnprocessableError('g'), new ConflictError('h'), new UnsupportedMediaTypeError('i'), new Error('j')];

    // Act
    const refusalVerdicts = refusals.map(isAccessRefusal);
    const faultVerdicts = faults.map(isAccessRefusal);

    // Assess
    expect(refusalVerdicts).toEqual(refusals.map(() => true));
    expect(faultVerdicts).toEqual(faults.map(() => false));
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
