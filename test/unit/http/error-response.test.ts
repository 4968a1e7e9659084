import { describe, expect, it } from 'vitest';
import { errorResponse, httpAnswers, jsonResponse } from '../../../shared/http/error-response';
import {
  AccountDisabledError,
  ConflictError,
  ElevationRequiredError,
  ForbiddenError,
  MalformedRequestError,
  NotFoundError,
  UnauthorizedError,
  UnprocessableError,
  UnsupportedMediaTypeError,
  ValidationError,
  PayloadTooLargeError,
  OutOfOrderError,
  ServiceBusyError,
  VersionConflictError,
  type LanternError,
} from '../../../shared/errors/lantern-error';
import { recordingLogger } from '../support/recording-logger';

const requestId = 'Kx3vYhQmLPEEMVw=';

const everyError: [LanternError, number, { issues?: unknown; currentVersion?: number }][] = [
  [new ValidationError([{ field: 'occurredAt', message: 'is required' }]), 400, { issues: [{ field: 'occurredAt', message: 'is required' }] }],
  [new MalformedRequestError('The request body is not valid JSON.'), 400, {}],
  [new UnauthorizedError('Sign in to use Lantern.'), 401, {}],
  [new ForbiddenError('You may not do that.'), 403, {}],
  [new ElevationRequiredError('Step up.'), 403, {}],
  [new AccountDisabledError('This account has been disabled.'), 403, {}],
  [new NotFoundError('No such record.'), 404, {}],
  [new ConflictError('Changed by someone else.'), 409, {}],
  [new VersionConflictError(2), 409, { currentVersion: 2 }],
  [new UnsupportedMediaTypeError('Send JSON.'), 415, {}],
  [new UnprocessableError('No such category', 'categories.0'), 422, { issues: [{ field: 'categories.0', message: 'No such category' }] }],
  [new UnprocessableError('The school is not set up'), 422, {}],
  [new PayloadTooLargeError('This incident is too large to keep as one record.'), 413, {}],
  [new OutOfOrderError('Set up the authenticator first.'), 409, {}],
  [new ServiceBusyError('Busy just now; nothing was saved.', 2), 503, {}],
];

describe('the error map', () => {
  it.each(everyError)('answers %s with %i and its code, message and issues', (error, status, extra) => {
    // Prepare
    const log = recordingLogger();

    // Act
    const response = errorResponse(error, requestId, log.logger);

    // Assess
    expect(response.statusCode).toBe(status);
    expect(JSON.parse(response.body as string)).toEqual({ error: error.code, message: error.message, requestId, ...extra });
  });

  it('has a line for every code and is what the cases above cover', () => {
    // Prepare
    const covered = new Set(everyError.map(([error]) => error.code));

    // Act
    const mapped = Object.keys(httpAnswers);

    // Assess
    expect(new Set(mapped)).toEqual(covered);
  });

  it('adds the headers an error knows, such as how long to wait before retrying', () => {
    // Prepare
    const log = recordingLogger();

    // Act
    const response = errorResponse(new ServiceBusyError('Busy just now; nothing was saved.', 2), requestId, log.logger);

    // Assess
    expect(response.headers).toMatchObject({ 'retry-after': '2', 'x-request-id': requestId });
  });

  it('logs the name of the error a refusal was raised from, never its message', () => {
    // Prepare
    const log = recordingLogger();
    const cause = Object.assign(new Error('An account for amelia.hart@example.org exists'), { name: 'UsernameExistsException' });

    // Act
    errorResponse(new ConflictError('There is already an account with this email address.', { cause }), requestId, log.logger);

    // Assess
    expect(log.entries()).toEqual([expect.objectContaining({ message: 'request refused', status: 409, code: 'conflict', cause: 'UsernameExistsException' })]);
    expect(log.lines.join('\n')).not.toContain('amelia');
  });
});

describe('errorResponse', () => {
  it('answers a Lantern error with its status, code and message', () => {
    // Prepare
    const log = recordingLogger();

    // Act
    const response = errorResponse(new NotFoundError('No such record.'), requestId, log.logger);

    // Assess
    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body as string)).toEqual({ error: 'not_found', message: 'No such record.', requestId });
  });

  it('includes the field issues of a validation error', () => {
    // Prepare
    const log = recordingLogger();
    const error = new ValidationError([{ field: 'occurredAt', message: 'is required' }]);

    // Act
    const response = errorResponse(error, requestId, log.logger);

    // Assess
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body as string)).toEqual({
      error: 'validation_failed',
      message: 'occurredAt: is required',
      requestId,
      issues: [{ field: 'occurredAt', message: 'is required' }],
    });
  });

  it('sends confidential-record headers and the request id', () => {
    // Prepare
    const log = recordingLogger();

    // Act
    const response = errorResponse(new ElevationRequiredError('Step up.'), requestId, log.logger);

    // Assess
    expect(response.headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-request-id': requestId,
    });
  });

  it('logs a refusal by status and code only', () => {
    // Prepare
    const log = recordingLogger();

    // Act
    errorResponse(new NotFoundError('No record for Amelia Hart'), requestId, log.logger);

    // Assess
    expect(log.entries()).toEqual([expect.objectContaining({ level: 'info', message: 'request refused', status: 404, code: 'not_found' })]);
    expect(log.lines.join('\n')).not.toContain('Amelia');
  });

  it('answers an unexpected error with a generic 500 quoting the request id', () => {
    // Prepare
    const log = recordingLogger();

    // Act
    const response = errorResponse(new TypeError("Cannot read properties of undefined (reading 'upn')"), requestId, log.logger);

    // Assess
    expect(response.statusCode).toBe(500);
    const body = JSON.parse(response.body as string);
    expect(body).toEqual({ error: 'internal_error', message: expect.stringContaining('request id'), requestId });
    expect(response.body).not.toContain('upn');
    expect(response.headers).toMatchObject({ 'cache-control': 'no-store', 'x-request-id': requestId });
  });

  it('does not tell the client nothing was saved: a failure can come after a write committed', () => {
    // Prepare
    const log = recordingLogger();

    // Act
    const response = errorResponse(new Error('PutEvents failed after the transaction'), requestId, log.logger);

    // Assess
    const { message } = JSON.parse(response.body as string);
    expect(message).not.toMatch(/nothing was saved/i);
    expect(message).toBe(
      'Something went wrong on our side. Before trying again, check whether what you were saving is there. Quote this request id if you report it.',
    );
  });

  it('logs an unexpected error by name and stack, never its message (it may quote a pupil)', () => {
    // Prepare
    const log = recordingLogger();
    const error = new RangeError('Date of birth 2016-03-14 for Amelia Hart is in the future');

    // Act
    errorResponse(error, requestId, log.logger);

    // Assess
    const [entry] = log.entries();
    expect(entry).toMatchObject({ level: 'error', message: 'unexpected failure', error: { name: 'RangeError', stack: expect.stringContaining('at ') } });
    expect(log.lines.join('\n')).not.toContain('Amelia');
    expect(log.lines.join('\n')).not.toContain('2016-03-14');
  });

  it('keeps every line of a multi-line error message out of the log', () => {
    // Prepare
    const log = recordingLogger();
    const error = new Error('Import failed for row 12:\nAmelia Hart, UPN B801200005001, lives at 4 Mill Lane');

    // Act
    errorResponse(error, requestId, log.logger);

    // Assess
    const logged = log.lines.join('\n');
    expect(logged).toContain('"name":"Error"');
    expect(logged).not.toContain('Amelia');
    expect(logged).not.toContain('B801200005001');
    expect(logged).not.toContain('Mill Lane');
  });
});

describe('jsonResponse', () => {
  it('serialises the body and lets a route add headers', () => {
    // Prepare
    const body = { status: 'ok' };

    // Act
    const response = jsonResponse(201, body, requestId, { location: '/v1/incidents/01J0' });

    // Assess
    expect(response.statusCode).toBe(201);
    expect(response.body).toBe('{"status":"ok"}');
    expect(response.headers).toMatchObject({ location: '/v1/incidents/01J0', 'x-request-id': requestId, 'cache-control': 'no-store' });
  });

  it('sends an empty body when there is none', () => {
    // Prepare
    const body = undefined;

    // Act
    const response = jsonResponse(204, body, requestId);

    // Assess
    expect(response.body).toBe('');
  });
});
