import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where a function's variables come from. In Lambda every function has its own process
 * and so its own `process.env`. The local twin runs every function in one process; it
 * imports each handler module inside `withFunctionEnvironment`, so that the handler's cold
 * start reads only the variables its declaration gives it, as it would in Lambda.
 */
const scoped = new AsyncLocalStorage<NodeJS.ProcessEnv>();

export function functionEnvironment(): NodeJS.ProcessEnv {
  return scoped.getStore() ?? process.env;
}

export function withFunctionEnvironment<T>(environment: NodeJS.ProcessEnv, run: () => T): T {
  return scoped.run(environment, run);
}
