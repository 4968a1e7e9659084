import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiError } from '../api/api-error';

/** Loads data for a page (a 403 elevation_required has already sent the user to step up: see LanternApi). */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(undefined);
    } catch (caught) {
      setError(asApiError(caught, 'Something went wrong. Try again.'));
    }
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on (deps), as useEffect's own list does
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
