import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import { contracts, type ContractOf, type RouteContract } from '../api/contracts';
import type { RouteId } from '../api/routes';
import type { Config } from '../config/load-config';
import type { Deps } from '../domain/deps';
import type { Caller } from '../domain/identity/caller';
import type { RequestOrigin } from '../domain/audit/audit-context';
import type { Logger } from '../logging/logger';
import { productionContext } from '../deps/production-deps';
import { pipeline, provided } from '../lambda/pipeline';
import { jsonResponse } from './error-response';
import { errorMap } from './middleware/error-map';
import { gate } from './middleware/gate';
import { requestContext } from './middleware/request-context';
import { resolveCaller } from './middleware/resolve-caller';
import type { RouteEvent, RouteResponse, RouteStep } from './middleware/route-state';
import { validateContract } from './middleware/validate-contract';
import type { RouteResult } from './responses';

type Inferred<TContract, TKey extends string> = TContract extends { readonly [K in TKey]: infer S extends z.ZodType } ? z.infer<S> : undefined;

export interface RouteInput<R extends RouteId> {
  readonly body: Inferred<ContractOf<R>, 'body'>;
  readonly query: Inferred<ContractOf<R>, 'query'>;
  readonly params: Inferred<ContractOf<R>, 'params'>;
  readonly caller: Caller;
  readonly deps: Deps;
  readonly config: Config;
  readonly requestId: string;
  readonly sourceIp: string;
  /** Request id and source address together, as the audit trail wants them. */
  readonly origin: RequestOrigin;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The Idempotency-Key header, when the client sent one. */
  readonly idempotencyKey?: string;
  readonly logger: Logger;
}

export type ApiHandler = (event: RouteEvent, context: Context) => Promise<RouteResponse>;

export interface ApiRouteOptions {
  /** Config and ports; production builds them once per cold start. Tests pass their own. */
  readonly context?: () => { config: Config; deps: Deps };
}

/**
 * The steps every route runs, in order: request id and outcome log, the error map (its
 * onError runs after every later step's), header normalising, the caller, the permission
 * table's gate, then the route's contract. Each is its own module under `middleware/`.
 */
export function routeSteps(routeId: RouteId, contract: RouteContract, deps: Deps): RouteStep[] {
  return [
    requestContext(routeId, deps.logger),
    errorMap(deps.logger),
    httpHeaderNormalizer() as RouteStep,
    resolveCaller(routeId, deps),
    gate(routeId, deps),
    validateContract(contract),
  ];
}

/**
 * Wires a route: the steps above, then the route's domain call and its JSON response.
 */
export function apiRoute<R extends RouteId>(routeId: R, options: ApiRouteOptions = {}) {
  // Read at cold start so a missing variable fails here, named, not on the first request.
  const { config, deps } = (options.context ?? productionContext)();
  const contract: RouteContract = contracts[routeId];

  return {
    handle(domain: (input: RouteInput<R>) => Promise<RouteResult>): ApiHandler {
      return pipeline(routeSteps(routeId, contract, deps), async ({ event, internal }) => {
        const requestId = provided(internal.requestId, 'request id');
        const origin = provided(internal.origin, 'request origin');
        const valid = provided(internal.input, 'validated input');
        const result = await domain({
          params: valid.params,
          query: valid.query,
          body: valid.body,
          caller: provided(internal.caller, 'caller'),
          deps,
          config,
          requestId,
          sourceIp: origin.sourceIp,
          origin,
          headers: event.headers ?? {},
          idempotencyKey: valid.idempotencyKey,
          logger: provided(internal.logger, 'logger'),
        } as RouteInput<R>);
        return jsonResponse(result.status, result.body, requestId, result.headers);
      });
    },
  };
}
