import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { isLanternError } from '../errors/lantern-error';
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

export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong on our side. Before trying again, check whether what you were saving is there. Quote this request id if you report it.';

/**
 * The one place errors become HTTP: a LanternError answers its status, code and message;
 * anything else is logged (type and stack only) and answers a generic 500.
 */
export function errorResponse(error: unknown, requestId: string, logger: Logger): APIGatewayProxyStructuredResultV2 {
  if (isLanternError(error)) {
    logger.info('request refused', { status: error.status, code: error.code });
    return jsonResponse(error.status, { error: error.code, message: error.message, requestId, ...error.details() }, requestId, error.headers());
  }
  logger.error('unexpected failure', {}, error);
  // Not "nothing was saved": a failure can come after a write committed.
  return jsonResponse(500, { error: 'internal_error', message: INTERNAL_ERROR_MESSAGE, requestId }, requestId);
}
