import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { ContractOf } from '../api/contracts';
import type { RouteContract } from '../api/route-contract';
import type { RouteId, routes, UsesOf } from '../api/routes';
import type { FunctionConfig } from '../config/load-config';
import type { AdaptersFor, DynamoAdapters } from '../deps/adapter-factory';
import { declaredContext } from '../deps/declared-context';
import type { CorePort, DepsFor, DynamoPort, DynamoPortsOf } from '../deps/uses';
import type { Deps } from '../domain/deps';
import type { Caller } from '../domain/identity/caller';
import type { RequestOrigin } from '../domain/audit/audit-context';
import type { Logger } from '../logging/logger';
import { pipeline, provided } from '../lambda/pipeline';
import { jsonResponse } from './error-response';
import { auditRefusals } from './middleware/audit-refusals';
import { errorMap } from './middleware/error-map';
import { gate } from './middleware/gate';
import { requestContext } from './middleware/request-context';
import { publicCaller, resolveCaller } from './middleware/resolve-caller';
import type { RouteEvent, RouteResponse, RouteStep } from './middleware/route-state';
import { validateContract } from './middleware/validate-contract';
import type { RouteResult } from './responses';

type Inferred<TContract, TKey extends string> = TContract extends { readonly [K in TKey]: infer S extends z.ZodMiniType } ? z.infer<S> : undefined;

export interface RouteInput<R extends RouteId, P extends DynamoPort = DynamoPortsOf<UsesOf<R>>> {
  readonly body: Inferred<ContractOf<R>, 'body'>;
  readonly query: Inferred<ContractOf<R>, 'query'>;
  readonly params: Inferred<ContractOf<R>, 'params'>;
  readonly caller: Caller;
  /** Only the ports the route's `uses` declares (shared/api/routes.ts), of its stores only those its entry builds. */
  readonly deps: DepsFor<UsesOf<R>, P>;
  /** Only the configuration the route's `uses` declares. */
  readonly config: FunctionConfig;
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

/** A route's declaration, as the catalogue's literal: an entry imports its own (`alertsListRoute`), not the catalogue. */
export type Route = (typeof routes)[number];

/**
 * What an entry hands its route: its own contract, and one factory per AWS service it
 * declares (for DynamoDB, the stores its handler uses: `P`).
 */
export interface RouteWiring<R extends RouteId, P extends DynamoPort = DynamoPortsOf<UsesOf<R>>> {
  readonly contract: ContractOf<R>;
  readonly adapters: AdaptersFor<UsesOf<R>, P>;
  /** Config and ports; by default built from the declaration once per cold start. Tests pass their own. */
  readonly context?: () => { config: FunctionConfig; deps: DepsFor<UsesOf<R>, P> };
}

/** A signed-in route resolves the caller's profile and audits refusals: its entry must build those two stores. */
type SignedInWiring<D extends Route> = D['public'] extends true ? unknown : { readonly adapters: { readonly dynamodb: DynamoAdapters<'staff' | 'audit'> } };

/** A signed-in route resolves the caller's profile and audits refusals: it must declare those ports. */
type WiredDeps = Pick<Deps, CorePort> & Partial<Deps>;

function signedInDeps(routeId: RouteId, deps: WiredDeps): WiredDeps & Pick<Deps, 'staff' | 'school' | 'audit'> {
  if (!deps.staff || !deps.school || !deps.audit) throw new Error(`Route ${routeId} is signed in, so its catalogue entry must declare records, audit and school, and its entry build the staff and audit stores`);
  return deps as WiredDeps & Pick<Deps, 'staff' | 'school' | 'audit'>;
}

/**
 * The steps every route runs, in order: request id and outcome log, the error map (its
 * onError runs after every later step's), header normalising, the caller, the one seam
 * that audits refusals (its onError sees whatever the gate, the contract's record rules
 * or the domain refused), the permission table's gate, then the route's contract. Each
 * is its own module under `middleware/`. A public route has no caller to look up or audit.
 */
export function routeSteps(route: Route, contract: RouteContract, deps: WiredDeps): RouteStep[] {
  const routeId = route.id;
  return [
    requestContext(routeId, deps.logger),
    errorMap(deps.logger),
    httpHeaderNormalizer() as RouteStep,
    ...callerSteps(route, deps),
    gate(routeId),
    validateContract(contract),
  ];
}

function callerSteps(route: Route, deps: WiredDeps): RouteStep[] {
  const routeId = route.id;
  // A public route never looks the caller up: it has no ports to do it with.
  if (route.public) return [publicCaller()];
  const signedIn = signedInDeps(routeId, deps);
  return [resolveCaller(routeId, signedIn), auditRefusals(routeId, signedIn)];
}

/**
 * Wires a route from its own declaration (imported alone, so the bundle holds no other
 * route's): the steps above, then the route's domain call and its JSON response.
 */
export function apiRoute<D extends Route, P extends DynamoPortsOf<D['uses']> = never>(route: D, wiring: RouteWiring<D['id'], P> & SignedInWiring<D>) {
  type R = D['id'];
  // Read at cold start so a missing variable fails here, named, not on the first request.
  const entry = { id: route.id, uses: route.uses as UsesOf<R> };
  const { config, deps: declaredDeps } = wiring.context ? wiring.context() : declaredContext<UsesOf<R>, P>(entry, wiring.adapters as unknown as AdaptersFor<UsesOf<R>, P>);
  const deps = declaredDeps as WiredDeps;
  const steps = routeSteps(route, wiring.contract, deps);

  return {
    handle(domain: (input: RouteInput<R, P>) => Promise<RouteResult>): ApiHandler {
      return pipeline(steps, async ({ event, internal }) => {
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
        } as RouteInput<R, P>);
        return jsonResponse(result.status, result.body, requestId, result.headers);
      });
    },
  };
}
