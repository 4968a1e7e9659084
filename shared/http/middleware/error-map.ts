import type { Logger } from '../../logging/logger';
import { errorResponse } from '../error-response';
import type { RouteStep } from './route-state';

/**
 * Turns whatever a later step or the route threw into its HTTP answer through the one
 * error map; nothing else in a route catches and rewraps.
 */
export function errorMap(fallbackLogger: Logger): RouteStep {
  return {
    name: 'error-map',
    onError: (request) => {
      const requestId = request.internal.requestId ?? request.context.awsRequestId;
      request.response = errorResponse(request.error, requestId, request.internal.logger ?? fallbackLogger);
    },
  };
}
