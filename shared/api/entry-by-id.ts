/**
 * One entry of a declaration catalogue (routes, event rules, Cognito triggers, stream consumers) by its id,
 * typed as that entry's literal. An id not in the catalogue is a wiring mistake, so it
 * fails at cold start, naming what was looked for.
 */
export function entryById<E extends { readonly id: string }, I extends E['id']>(catalogue: readonly E[], id: I, what: string): Extract<E, { readonly id: I }> {
  const entry = catalogue.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`Unknown ${what} ${id}`);
  return entry as Extract<E, { readonly id: I }>;
}
