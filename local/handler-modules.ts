import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Repository root: handler entries in the catalogues are relative to it. */
export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

export type LambdaHandler<TEvent, TResult> = (event: TEvent, context: import('aws-lambda').Context) => Promise<TResult>;

export interface HandlerModules {
  /**
   * The module's `handler`, imported the first time it is asked for (the cold start: the
   * module reads its configuration from process.env then) and cached afterwards.
   */
  load<TEvent, TResult>(entry: string): Promise<LambdaHandler<TEvent, TResult>>;
}

export function createHandlerModules(root: string = repositoryRoot): HandlerModules {
  const loaded = new Map<string, Promise<LambdaHandler<unknown, unknown>>>();
  return {
    load<TEvent, TResult>(entry: string) {
      let handler = loaded.get(entry);
      if (!handler) {
        handler = importHandler(isAbsolute(entry) ? entry : join(root, entry));
        // A module that failed to import is retried on the next request, as Lambda would.
        handler.catch(() => loaded.delete(entry));
        loaded.set(entry, handler);
      }
      return handler as Promise<LambdaHandler<TEvent, TResult>>;
    },
  };
}

async function importHandler(path: string): Promise<LambdaHandler<unknown, unknown>> {
  const module = (await import(pathToFileURL(path).href)) as { handler?: unknown };
  if (typeof module.handler !== 'function') throw new Error(`${path} does not export a handler function`);
  return module.handler as LambdaHandler<unknown, unknown>;
}
