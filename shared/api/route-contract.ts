import type * as z from 'zod/mini';

/**
 * What a route accepts and answers, as zod/mini schemas. `apiRoute` validates requests with
 * them (each entry imports only its own, from shared/api/contracts/<area>.ts) and the
 * OpenAPI document is generated from them, so the two cannot disagree.
 */
export interface RouteContract {
  readonly body?: z.ZodMiniType;
  readonly query?: z.ZodMiniType;
  readonly params?: z.ZodMiniType;
  readonly success: { readonly status: 200 | 201 | 202 | 204; readonly description: string; readonly schema?: z.ZodMiniType };
  /** Extra failure statuses worth documenting beyond the standard ones. */
  readonly failures?: readonly (400 | 403 | 404 | 409 | 415 | 422)[];
}
