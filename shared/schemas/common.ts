import * as z from 'zod/mini';

export const ErrorResponse = z.object({
    error: z.string().check(z.meta({ description: 'Stable machine-readable code, e.g. validation_failed, elevation_required' })),
    message: z.string().check(z.meta({ description: 'What went wrong, in words a member of staff can act on' })),
    requestId: z.string(),
    issues: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
  }).check(z.meta({ id: 'Error' }));

export const HealthResponse = z.object({ status: z.literal('ok') }).check(z.meta({ id: 'Health' }));
