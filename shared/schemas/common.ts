import * as z from 'zod';

export const ErrorResponse = z
  .object({
    error: z.string().meta({ description: 'Stable machine-readable code, e.g. validation_failed, elevation_required' }),
    message: z.string().meta({ description: 'What went wrong, in words a member of staff can act on' }),
    requestId: z.string(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });

export const HealthResponse = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
