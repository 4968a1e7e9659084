import type * as z from 'zod/mini';
import '../../schemas/zod-locale';
import type { ConsumerStep } from './consumer-state';

/**
 * The event's detail checked against its schema. A malformed detail is logged (paths
 * only) and dropped: retrying cannot mend it, and the dead-letter queue is for events a
 * retry might deliver.
 */
export function validateDetail(detailSchema: z.ZodMiniType): ConsumerStep {
  return {
    name: 'validate-detail',
    before: (request) => {
      const parsed = detailSchema.safeParse(request.event.detail);
      if (parsed.success) {
        request.internal.detail = parsed.data;
        return;
      }
      request.internal.logger?.error('event detail rejected', { issues: parsed.error.issues.map((issue) => issue.path.join('.')).join(',') });
      // middy's early response: the consumer does not run, and the invocation succeeds.
      request.earlyResponse = undefined;
    },
  };
}
