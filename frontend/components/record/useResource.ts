"use client";

import { useCallback, useEffect, useState } from "react";

import { type ApiError, toApiError } from "@/lib/api/errors";

export type Resource<T> = {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  /** Replace the data locally after a write the server already confirmed (no refetch). */
  setData: (update: (current: T | undefined) => T | undefined) => void;
};

/** Fetch once on mount (and on reload); an answer arriving after unmount is dropped. */
export function useResource<T>(fetcher: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ data: T | undefined; error: ApiError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: true,
  });
  const [count, setCount] = useState(0);

  useEffect(() => {
    let stale = false;
    fetcher()
      .then((data) => {
        if (!stale) setState({ data, error: null, loading: false });
      })
      .catch((e: unknown) => {
        if (!stale) setState((s) => ({ ...s, error: toApiError(e), loading: false }));
      });
    return () => {
      stale = true;
    };
  }, [fetcher, count]);

  const reload = useCallback(() => {
    setState((s) => ({ ...s, loading: true, error: null }));
    setCount((c) => c + 1);
  }, []);
  const setData = useCallback((update: (current: T | undefined) => T | undefined) => {
    setState((s) => ({ ...s, data: update(s.data) }));
  }, []);
  return { ...state, reload, setData };
}
