import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { withFunctionEnvironment } from '../shared/config/environment-source';

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

export interface HandlerModuleOptions {
  readonly root?: string;
  /**
   * The environment a handler's cold start sees, by its catalogue entry; undefined leaves
   * it the process's. Asked when the handler is first loaded.
   */
  readonly environmentFor?: (entry: string) => NodeJS.ProcessEnv | undefined;
}

export function createHandlerModules(options: HandlerModuleOptions = {}): HandlerModules {
  const root = options.root ?? repositoryRoot;
  const loaded = new Map<string, Promise<LambdaHandler<unknown, unknown>>>();
  // One cold start at a time: a module shared by two handlers is evaluated within the
  // first one's environment scope, so imports must not overlap.
  let previous: Promise<unknown> = Promise.resolve();
  const coldStart = (entry: string) => {
    const environment = options.environmentFor?.(entry);
    const path = isAbsolute(entry) ? entry : join(root, entry);
    const next = previous.catch(() => undefined).then(() => (environment ? withFunctionEnvironment(environment, () => importHandler(path)) : importHandler(path)));
    previous = next;
    return next;
  };
  return {
    load<TEvent, TResult>(entry: string) {
      let handler = loaded.get(entry);
      if (!handler) {
        handler = coldStart(entry);
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
