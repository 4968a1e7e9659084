import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { RequestOrigin } from '../../domain/audit/audit-context';
import type { Caller } from '../../domain/identity/caller';
import type { Logger } from '../../logging/logger';
import type { PipelineRequest, PipelineStep } from '../../lambda/pipeline';

export type RouteEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type RouteResponse = APIGatewayProxyStructuredResultV2;

/** The request's contract-checked parts, before the route's types narrow them. */
export interface ValidInput {
  readonly params: unknown;
  readonly query: unknown;
  readonly body: unknown;
  /** The Idempotency-Key header, when the client sent one. */
  readonly idempotencyKey?: string;
}

/** What a route's steps learn about one request, each filling in its own part. */
export interface RouteState extends Record<string, unknown> {
  /** From the request-context step. */
  requestId?: string;
  logger?: Logger;
  startedAt?: number;
  origin?: RequestOrigin;
  /** From the resolve-caller step. */
  caller?: Caller;
  /** From the validate-contract step. */
  input?: ValidInput;
}

export type RouteRequest = PipelineRequest<RouteEvent, RouteResponse, RouteState>;
export type RouteStep = PipelineStep<RouteEvent, RouteResponse, RouteState>;
