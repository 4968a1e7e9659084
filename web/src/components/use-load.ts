import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api-error';
import { useSession } from '../app/session';

/** Loads data for a page; a 403 elevation_required sends the user to step up and back. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const { stepUp } = useSession();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(undefined);
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : new ApiError(0, 'unknown', 'Something went wrong. Try again.');
      if (apiError.elevationRequired) stepUp();
      setError(apiError);
    }
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on (deps), as useEffect's own list does
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
