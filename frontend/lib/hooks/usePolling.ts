"use client";

import { useCallback, useEffect, useEffectEvent, useState } from "react";

import { ApiError, toApiError } from "@/lib/api/errors";

export type PollingState<T> = {
  data: T | undefined;
  error: ApiError | null;
  /** True until the first response (or failure) for the current key. */
  loading: boolean;
  /** Fetch now (e.g. after starting or cancelling a job) and restart the timer. */
  refresh: () => void;
};

type Options<T> = {
  /** Changing the key drops the old data and fetches afresh (e.g. a new filter). */
  key: string;
  /** Milliseconds until the next fetch given the latest data; null stops polling. */
  interval: (data: T | undefined) => number | null;
  enabled?: boolean;
};

/** While the server is unreachable, keep trying at this gentle pace so the page recovers by itself. */
const ERROR_RETRY_MS = 5000;

type Snapshot<T> = { key: string; data: T | undefined; error: ApiError | null; loading: boolean };

/**
 * Fetch, then fetch again after `interval(data)` ms. A timeout chain (not
 * setInterval) so a slow server never gets overlapping requests; a response
 * that arrives after the key changed or the page unmounted is dropped.
 */
export function usePolling<T>(fetcher: () => Promise<T>, { key, interval, enabled = true }: Options<T>): PollingState<T> {
  const [snapshot, setSnapshot] = useState<Snapshot<T>>({ key, data: undefined, error: null, loading: true });
  const [refreshCount, setRefreshCount] = useState(0);

  // Effect events see the latest fetcher/interval without restarting the polling loop each render.
  const fetchNow = useEffectEvent(() => fetcher());
  const nextDelay = useEffectEvent((data: T | undefined) => interval(data));

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function poll() {
      try {
        const data = await fetchNow();
        if (stopped) return;
        setSnapshot({ key, data, error: null, loading: false });
        const wait = nextDelay(data);
        if (wait !== null) timer = setTimeout(() => void poll(), wait);
      } catch (e) {
        if (stopped) return;
        // Keep the last good data (if it is for this key) so a blip does not blank the page.
        setSnapshot((s) => ({ key, data: s.key === key ? s.data : undefined, error: toApiError(e), loading: false }));
        timer = setTimeout(() => void poll(), ERROR_RETRY_MS);
      }
    }

    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [key, enabled, refreshCount]);

  const refresh = useCallback(() => setRefreshCount((n) => n + 1), []);

  // Until the first answer for a new key arrives, show loading rather than the old key's data.
  const current = snapshot.key === key ? snapshot : { data: undefined, error: null, loading: enabled };
  return { data: current.data, error: current.error, loading: current.loading, refresh };
}
