import { serviceUses, type Uses } from '../../../shared/deps/uses';
import type { Deps } from '../../../shared/domain/deps';
import { testEnvironment } from '../support/test-config';

/**
 * Stands in for `buildDeps`. A handler module builds its deps once, when it is imported,
 * as on a Lambda cold start; these deps forward each port its declaration names to the
 * school the current matrix cell installed, so each cell runs against fresh state while
 * every handler module is imported only once. A port the declaration does not name is
 * absent, as in production: a handler that touches one fails its cells.
 */
/** Routes only: the outbox relay's ports (events, outbox) are no route's. */
type RoutePorts = Omit<Deps, 'events' | 'outbox'>;

let current: RoutePorts | undefined;

export function useSchool(deps: RoutePorts): void {
  current = deps;
}

export function switchableDeps(uses: Uses): Deps {
  const declared = new Set<string>(['clock', 'ids', 'logger', ...uses.flatMap((use) => serviceUses[use].ports)]);
  return new Proxy({} as Deps, {
    get(_target, port) {
      if (typeof port !== 'string' || !declared.has(port)) return undefined;
      if (!current) throw new Error('No school installed: call useSchool(deps) before calling a handler');
      return current[port as keyof RoutePorts];
    },
    has: (_target, port) => typeof port === 'string' && declared.has(port),
  });
}

/**
 * The two modules a file that imports real handler modules replaces, so that each handler
 * builds its context when imported, as on a cold start, from its declaration: it reads a
 * complete test environment and is handed the installed school's declared ports only.
 * Each file still calls vi.mock itself (vitest hoists only a test file's own calls), e.g.
 * `vi.mock('…/shared/deps/build-deps', () => import('…/switchable-context').then((stand) => stand.buildDepsStandIn))`.
 */
export const environmentSourceStandIn = {
  functionEnvironment: () => testEnvironment(),
  withFunctionEnvironment: <T>(_environment: unknown, run: () => T) => run(),
};
export const buildDepsStandIn = { buildDeps: switchableDeps };
