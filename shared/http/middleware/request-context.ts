import type { RouteId } from '../../api/routes';
import type { Logger } from '../../logging/logger';
import type { RouteRequest, RouteStep } from './route-state';

/**
 * First step of a route: the request id (API Gateway's, else Lambda's), a logger carrying
 * it and the route, the origin the audit trail records, and one outcome line per request
 * (status and duration only), whether the route answered or the error map did.
 */
export function requestContext(routeId: RouteId, logger: Logger): RouteStep {
  const logOutcome = (request: RouteRequest) => {
    const { logger: requestLogger, startedAt } = request.internal;
    requestLogger?.info('request completed', { status: request.response?.statusCode, durationMs: Date.now() - (startedAt ?? Date.now()) });
  };
  return {
    name: 'request-context',
    before: (request) => {
      const requestId = request.event.requestContext?.requestId ?? request.context.awsRequestId;
      request.internal.requestId = requestId;
      request.internal.logger = logger.child({ requestId, route: routeId });
      request.internal.startedAt = Date.now();
      request.internal.origin = { requestId, sourceIp: request.event.requestContext?.http?.sourceIp ?? 'unknown' };
    },
    after: logOutcome,
    onError: logOutcome,
  };
}
