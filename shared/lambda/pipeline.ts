import middy, { type MiddlewareObj, type Request } from '@middy/core';
import type { Context } from 'aws-lambda';

/** What the steps of one invocation share: each step fills in the part it owns. */
export type PipelineState = Record<string, unknown>;

export type PipelineRequest<TEvent, TResult, TState extends PipelineState> = Request<TEvent, TResult, unknown, Context, TState>;

/** One named step (middy's before / after / onError) over the invocation's typed state. */
export type PipelineStep<TEvent, TResult, TState extends PipelineState> = MiddlewareObj<TEvent, TResult, unknown, Context, TState>;

export type PipelineHandler<TEvent, TResult> = (event: TEvent, context: Context) => Promise<TResult>;

/**
 * The one composition seam for every Lambda entry (API routes, event consumers, Cognito
 * triggers): the steps run their `before` in order, then `handle` with what they put in
 * the state, then their `after` (and `onError`) in reverse order, as middy does.
 */
export function pipeline<TEvent extends object, TResult, TState extends PipelineState>(
  steps: readonly PipelineStep<TEvent, TResult, TState>[],
  handle: (request: PipelineRequest<TEvent, TResult, TState>) => Promise<TResult>,
): PipelineHandler<TEvent, TResult> {
  // middy hands the core handler only (event, context); the request holds the state.
  const requests = new WeakMap<object, PipelineRequest<TEvent, TResult, TState>>();
  const remember: PipelineStep<TEvent, TResult, TState> = {
    name: 'pipeline-state',
    before: (request) => {
      requests.set(request.event, request);
    },
  };
  const handler = middy<TEvent, TResult, unknown, Context, TState>(async (event: TEvent) => handle(requests.get(event)!));
  return handler.use([remember, ...steps]) as unknown as PipelineHandler<TEvent, TResult>;
}

/** A step that needs what an earlier step provides says so loudly if it was left out. */
export function provided<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The pipeline has no ${what}: a step that provides it is missing or comes later`);
  return value;
}
