/**
 * Counts AWS calls at the client: an SDK middleware on each distinct client an adapter of
 * `deps` holds (every Lantern adapter keeps its SDK client as `client`). For the bench and
 * tests only; production never adds it.
 */
interface MiddlewareStackLike {
  add(middleware: (next: (args: unknown) => Promise<unknown>, context: { clientName?: string; commandName?: string }) => (args: unknown) => Promise<unknown>, options: { step: 'initialize'; name: string }): void;
}

export interface AwsCallCounter {
  /** Calls since the last reset, as `Client.Command` → count. */
  calls(): Record<string, number>;
  total(): number;
  reset(): void;
}

export function countAwsCalls(deps: object): AwsCallCounter {
  const counts = new Map<string, number>();
  const stacks = new Set<MiddlewareStackLike>();
  for (const port of Object.values(deps)) {
    const stack = (port as { client?: { middlewareStack?: MiddlewareStackLike } } | undefined)?.client?.middlewareStack;
    if (stack && !stacks.has(stack)) stacks.add(stack);
  }
  for (const stack of stacks) {
    stack.add(
      (next, context) => async (args) => {
        const name = `${(context.clientName ?? 'Client').replace(/Client$/, '')}.${(context.commandName ?? 'Command').replace(/Command$/, '')}`;
        counts.set(name, (counts.get(name) ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', name: 'lanternBenchCallCounter' },
    );
  }
  return {
    calls: () => Object.fromEntries([...counts].sort(([left], [right]) => left.localeCompare(right))),
    total: () => [...counts.values()].reduce((sum, count) => sum + count, 0),
    reset: () => counts.clear(),
  };
}
