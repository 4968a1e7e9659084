import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { isLanternError, type LanternError, type LanternErrorCode } from '../errors/lantern-error';
import type { Logger } from '../logging/logger';

export const jsonHeaders = {
  'content-type': 'application/json; charset=utf-8',
  // Records are confidential: never let a browser or proxy keep a copy.
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function jsonResponse(statusCode: number, body: unknown, requestId: string, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { ...jsonHeaders, 'x-request-id': requestId, ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

/** How one error code answers over HTTP: a status, and fixed headers when the answer needs them (an error's own `headers()` add values only it knows, e.g. Retry-After). */
export type HttpAnswer = number | { readonly status: number; readonly headers: Readonly<Record<string, string>> };

/**
 * The one map from what went wrong (a domain code) to HTTP. Adding an error is one line
 * here (e.g. `payload_too_large: 413`, or `transaction_conflict: { status: 503, headers:
 * { 'retry-after': '1' } }`); `satisfies` makes a code without a line a compile error.
 */
export const httpAnswers = {
  validation_failed: 400,
  malformed_request: 400,
  unauthorized: 401,
  forbidden: 403,
  elevation_required: 403,
  account_disabled: 403,
  not_found: 404,
  conflict: 409,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_large: 413,
  out_of_order: 409,
  version_conflict: 409,
  busy: 503,
} as const satisfies Record<LanternErrorCode, HttpAnswer>;

/** The status and headers a Lantern error answers with. */
export function httpAnswerFor(error: LanternError): { status: number; headers: Readonly<Record<string, string>> } {
  const answer: HttpAnswer = httpAnswers[error.code];
  return typeof answer === 'number' ? { status: answer, headers: {} } : answer;
}

export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong on our side. Before trying again, check whether what you were saving is there. Quote this request id if you report it.';

/**
 * The one place errors become HTTP: a LanternError answers the status the map gives its
 * code, with its code and message; anything else is logged (type and stack only) and
 * answers a generic 500.
 */
export function errorResponse(error: unknown, requestId: string, logger: Logger): APIGatewayProxyStructuredResultV2 {
  if (isLanternError(error)) {
    const { status, headers } = httpAnswerFor(error);
    // The cause's name (e.g. the SDK exception an adapter translated), never its message.
    logger.info('request refused', { status, code: error.code, ...(error.cause instanceof Error ? { cause: error.cause.name } : {}) });
    return jsonResponse(status, { error: error.code, message: error.message, requestId, ...error.details() }, requestId, { ...headers, ...error.headers() });
  }
  logger.error('unexpected failure', {}, error);
  // Not "nothing was saved": a failure can come after a write committed.
  return jsonResponse(500, { error: 'internal_error', message: INTERNAL_ERROR_MESSAGE, requestId }, requestId);
}
