import { useCallback, useEffect, useState } from 'react';

export type RequestState<T> =
  | { readonly status: 'loading'; readonly data: T | undefined }
  | { readonly status: 'success'; readonly data: T }
  | { readonly status: 'error'; readonly data: T | undefined; readonly error: unknown };

/**
 * Runs `load` whenever `key` changes and aborts the previous run, so a slow answer to an old
 * search never overwrites the answer to the current one. While loading, the previous data stays
 * available (tables keep their rows under the spinner instead of flashing empty).
 */
export function useRequest<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): RequestState<T> & { readonly reload: () => void } {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading', data: undefined });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ status: 'loading', data: s.data }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ status: 'error', data: s.data, error }));
      },
    );
    return () => controller.abort();
    // `load` is a new closure on every render; `key` names what it fetches, so it is the dependency.
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
