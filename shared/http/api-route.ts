import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import type { ContractOf } from '../api/contracts';
import type { RouteContract } from '../api/route-contract';
import { routeById, type RouteId, type UsesOf } from '../api/routes';
import { loadConfigFor, type FunctionConfig } from '../config/load-config';
import { functionEnvironment } from '../config/environment-source';
import type { AdaptersFor } from '../deps/adapter-factory';
import { buildDeps } from '../deps/build-deps';
import type { CorePort, DepsFor } from '../deps/uses';
import type { Deps } from '../domain/deps';
import { anonymous, type Caller } from '../domain/identity/caller';
import { resolveCaller } from '../domain/identity/resolve-caller';
import { assertGate } from '../domain/permissions';
import { recordRefusal, refusedAccountEvent, type AuditSubject, type RequestOrigin } from '../domain/audit/audit-context';
import type { Logger } from '../logging/logger';
import { readClaims } from './claims';
import { errorResponse, jsonResponse } from './error-response';
import { readJsonBody } from './json-body';
import type { RouteResult } from './responses';
import { parseWith } from './validation';
import { ValidationError, isLanternError } from '../errors/lantern-error';

type Inferred<TContract, TKey extends string> = TContract extends { readonly [K in TKey]: infer S extends z.ZodType } ? z.infer<S> : undefined;

export interface RouteInput<R extends RouteId> {
  readonly body: Inferred<ContractOf<R>, 'body'>;
  readonly query: Inferred<ContractOf<R>, 'query'>;
  readonly params: Inferred<ContractOf<R>, 'params'>;
  readonly caller: Caller;
  /** Only the ports the route's `uses` declares (shared/api/routes.ts). */
  readonly deps: DepsFor<UsesOf<R>>;
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

export type ApiHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** What an entry hands its route: its own contract, and one factory per AWS service it declares. */
export interface RouteWiring<R extends RouteId> {
  readonly contract: ContractOf<R>;
  readonly adapters: AdaptersFor<UsesOf<R>>;
  /** Config and ports; by default built from the declaration once per cold start. Tests pass their own. */
  readonly context?: () => { config: FunctionConfig; deps: DepsFor<UsesOf<R>> };
}

/** A route's config and ports from its declaration: only its variables are read, only its adapters built. */
export function declaredContext<R extends RouteId>(routeId: R, adapters: AdaptersFor<UsesOf<R>>) {
  const uses = routeById(routeId).uses as UsesOf<R>;
  const config = loadConfigFor(uses, functionEnvironment());
  return { config, deps: buildDeps(uses, config, adapters, { function: routeId }) };
}

/** A signed-in route resolves the caller's profile and audits refusals: it must declare those ports. */
type WiredDeps = Pick<Deps, CorePort> & Partial<Deps>;

function signedInDeps(routeId: RouteId, deps: WiredDeps): WiredDeps & Pick<Deps, 'staff' | 'school' | 'audit'> {
  if (!deps.staff || !deps.school || !deps.audit) throw new Error(`Route ${routeId} is signed in, so its catalogue entry must declare records, audit and school`);
  return deps as WiredDeps & Pick<Deps, 'staff' | 'school' | 'audit'>;
}

interface RequestState {
  requestId: string;
  logger: Logger;
  startedAt: number;
}

/**
 * Wires a route: request id, header normalisation, the caller from JWT claims and their
 * current profile, the permission table's gate for the route id, zod validation of
 * params/query/body from the route's contract, the error map and the JSON response.
 */
export function apiRoute<R extends RouteId>(routeId: R, wiring: RouteWiring<R>) {
  // Read at cold start so a missing variable fails here, named, not on the first request.
  const { config, deps: declaredDeps } = wiring.context ? wiring.context() : declaredContext(routeId, wiring.adapters);
  const deps = declaredDeps as WiredDeps;
  const signedIn = routeById(routeId).public ? undefined : signedInDeps(routeId, deps);
  const contract: RouteContract = wiring.contract;
  const states = new WeakMap<object, RequestState>();

  return {
    handle(domain: (input: RouteInput<R>) => Promise<RouteResult>): ApiHandler {
      const answer = async (
        event: APIGatewayProxyEventV2WithJWTAuthorizer,
        caller: Caller,
        origin: RequestOrigin,
        requestId: string,
        logger: Logger,
      ): Promise<APIGatewayProxyStructuredResultV2> => {
        assertGate(routeId, caller);
        const headers = event.headers ?? {};
        const input = {
          params: contract.params ? parseWith(contract.params, event.pathParameters ?? {}, 'path') : undefined,
          query: contract.query ? parseWith(contract.query, event.queryStringParameters ?? {}, 'query') : undefined,
          body: contract.body ? parseWith(contract.body, readJsonBody(event.body, event.isBase64Encoded, headers['content-type']), '') : undefined,
          caller,
          deps,
          config,
          requestId,
          sourceIp: origin.sourceIp,
          origin,
          headers,
          idempotencyKey: readIdempotencyKey(headers['idempotency-key']),
          logger: caller.kind === 'staff' ? logger.child({ staffId: caller.staffId }) : logger,
        } as RouteInput<R>;
        const result = await domain(input);
        return jsonResponse(result.status, result.body, requestId, result.headers);
      };

      const base = async (event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<APIGatewayProxyStructuredResultV2> => {
        const { requestId, logger } = states.get(event)!;
        const origin = { requestId, sourceIp: event.requestContext?.http?.sourceIp ?? 'unknown' };
        // A public route never looks the caller up: it has no ports to do it with.
        if (!signedIn) return answer(event, anonymous, origin, requestId, logger);
        const claims = readClaims(event);
        const caller = await resolveCaller(signedIn, claims).catch(async (error: unknown) => {
          // A disabled account's attempt is a refused attempt too.
          if (claims && isLanternError(error)) await signedIn.audit.record(refusedAccountEvent(signedIn, claims.subject, origin, gateSubject(routeId, event), error.code));
          throw error;
        });
        // The one seam where refusals are audited, wherever they were decided: the gate, the
        // permission table's record rules or the domain's own (each one refused event).
        try {
          return await answer(event, caller, origin, requestId, logger);
        } catch (error) {
          await recordRefusal(signedIn, caller, origin, error, gateSubject(routeId, event));
          throw error;
        }
      };

      return middy<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2>(base)
        .use({
          before: (request) => {
            const requestId = request.event.requestContext?.requestId ?? request.context.awsRequestId;
            states.set(request.event, { requestId, logger: deps.logger.child({ requestId, route: routeId }), startedAt: Date.now() });
          },
          after: (request) => logOutcome(states.get(request.event), request.response?.statusCode),
          onError: (request) => {
            const state = states.get(request.event) ?? { requestId: request.context.awsRequestId, logger: deps.logger, startedAt: Date.now() };
            request.response = errorResponse(request.error, state.requestId, state.logger);
            logOutcome(state, request.response.statusCode);
          },
        })
        .use(httpHeaderNormalizer()) as unknown as ApiHandler;
    },
  };
}

/** A refusal at the gate is audited against the record named in the path, or the route. */
function gateSubject(routeId: RouteId, event: APIGatewayProxyEventV2WithJWTAuthorizer): AuditSubject {
  return { action: routeId, recordType: 'route', recordId: event.pathParameters?.id ?? routeId };
}

const idempotencyKeyPattern = /^[A-Za-z0-9_.:-]{8,200}$/;

function readIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!idempotencyKeyPattern.test(value)) {
    throw ValidationError.forField('Idempotency-Key', 'must be 8 to 200 letters, digits or - _ . : (a UUID works)');
  }
  return value;
}

function logOutcome(state: RequestState | undefined, status: number | undefined) {
  state?.logger.info('request completed', { status, durationMs: Date.now() - state.startedAt });
}
