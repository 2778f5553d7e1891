"use client";

import { useEffect, useState } from "react";

import { searchDrugs } from "@/lib/api/drugs";
import { type ApiError, toApiError } from "@/lib/api/errors";
import type { DrugSummary } from "@/lib/api/types";
import { useDebounced } from "@/lib/hooks/useDebounced";
import { cleanEntry } from "@/lib/medicines";

export type DrugSearchState = {
  /** The cleaned text being searched for. */
  term: string;
  /** True once the term is long enough to search. */
  active: boolean;
  /** The latest results (possibly for a slightly older term while the next answer is on its way). */
  items: DrugSummary[];
  error: ApiError | null;
  /** Waiting for the answer for the current term. */
  loading: boolean;
  /** The answer shown is for exactly the current term (announce it). */
  settled: boolean;
};

type Result = { query: string; items: DrugSummary[]; error: ApiError | null };

/**
 * Debounced drug autocomplete. Answers that arrive out of order are dropped,
 * and the previous results stay visible while the next ones load, so the list
 * does not flicker while typing.
 */
export function useDrugSearch(text: string, { limit = 8, minLength = 2, delay = 250 } = {}): DrugSearchState {
  const term = cleanEntry(text);
  const debounced = useDebounced(term, delay);
  const [result, setResult] = useState<Result | null>(null);

  useEffect(() => {
    if (debounced.length < minLength) return;
    let stale = false;
    searchDrugs(debounced, limit)
      .then((r) => {
        if (!stale) setResult({ query: debounced, items: r.items, error: null });
      })
      .catch((e: unknown) => {
        if (!stale) setResult({ query: debounced, items: [], error: toApiError(e) });
      });
    return () => {
      stale = true;
    };
  }, [debounced, limit, minLength]);

  const active = term.length >= minLength;
  const settled = active && result?.query === term;
  return {
    term,
    active,
    items: active && result ? result.items : [],
    error: settled ? (result?.error ?? null) : null,
    loading: active && !settled,
    settled,
  };
}
