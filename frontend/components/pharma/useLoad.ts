"use client";

import { useCallback, useEffect, useState } from "react";

import { ApiError, toApiError } from "@/lib/api/errors";

export type LoadState<T> = { data: T | undefined; error: ApiError | null; loading: boolean; reload: () => void };

/**
 * Fetch once per `key` (and on reload()). Answers for an old key are dropped,
 * so a fast filter change never shows the previous filter's page.
 */
export function useLoad<T>(key: string | null, load: () => Promise<T>, options: { keepPrevious?: boolean } = {}): LoadState<T> {
  const [state, setState] = useState<{ key: string | null; data?: T; error: ApiError | null; tick: number }>({
    key: null,
    error: null,
    tick: 0,
  });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    load().then(
      (data) => live && setState({ key, data, error: null, tick }),
      (e: unknown) => live && setState((s) => ({ key, data: s.key === key ? s.data : undefined, error: toApiError(e), tick })),
    );
    return () => {
      live = false;
    };
    // `load` closes over the same inputs as `key`; keying on it avoids refetching on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);

  const current = state.key === key;
  return {
    // keepPrevious: show the last answer while the next loads (a refresh after an action keeps the view, and its notices, mounted).
    data: current || options.keepPrevious ? state.data : undefined,
    error: current ? state.error : null,
    loading: key !== null && (!current || state.tick !== tick),
    reload,
  };
}
