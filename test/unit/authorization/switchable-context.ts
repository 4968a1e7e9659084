import type { Config } from '../../../shared/config/load-config';
import type { Deps } from '../../../shared/domain/deps';
import { testConfig } from '../support/test-config';

/**
 * Stands in for `productionContext()`. A handler module captures its context once, when
 * it is imported, as on a Lambda cold start; these deps forward every port to the school
 * the current matrix cell installed, so each cell runs against fresh state while every
 * handler module is imported only once.
 */
let current: Deps | undefined;

export function useSchool(deps: Deps): void {
  current = deps;
}

const deps = new Proxy({} as Deps, {
  get(_target, port) {
    if (!current) throw new Error('No school installed: call useSchool(deps) before calling a handler');
    return current[port as keyof Deps];
  },
});

const config: Config = testConfig();

export function switchableContext(): { config: Config; deps: Deps } {
  return { config, deps };
}
