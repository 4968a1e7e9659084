import type { z } from 'zod';
import type { RouteId } from './routes';
import { HealthResponse } from '../schemas/common';
import { Me, SignInConfiguration } from '../schemas/identity';

/**
 * What each route accepts and answers, as zod schemas. `apiRoute` validates requests
 * with them and the OpenAPI document is generated from them, so the two cannot disagree.
 */
export interface RouteContract {
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  readonly params?: z.ZodType;
  readonly success: { readonly status: 200 | 201 | 202 | 204; readonly description: string; readonly schema?: z.ZodType };
  /** Extra failure statuses worth documenting beyond the standard ones. */
  readonly failures?: readonly (400 | 403 | 404 | 409 | 415 | 422)[];
}

export const contracts = {
  'health.read': { success: { status: 200, description: 'The API is serving', schema: HealthResponse } },
  'config.read': { success: { status: 200, description: 'Sign-in configuration', schema: SignInConfiguration } },
  'openapi.read': { success: { status: 200, description: 'OpenAPI 3.1 document' } },
  'me.read': { success: { status: 200, description: "The caller's profile", schema: Me }, failures: [403] },
} as const satisfies Record<RouteId, RouteContract>;

export type ContractOf<R extends RouteId> = (typeof contracts)[R];
