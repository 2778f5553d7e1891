// Drug catalogue and interaction checker calls. Each returns data or throws ApiError (see unwrap).
import { api } from "./client";
import { unwrap } from "./errors";
import type { Drug, DrugSearch, InteractionCheck, InteractionReport } from "./types";

/** Autocomplete: generic names, brands, salts and misspellings all match. */
export function searchDrugs(q: string, limit = 10): Promise<DrugSearch> {
  return unwrap(api.GET("/api/v1/drugs/search", { params: { query: { q, limit } } }));
}

/** One drug by its key (parent InChIKey, or LUMEN-<NAME>). */
export function getDrug(key: string): Promise<Drug> {
  return unwrap(api.GET("/api/v1/drugs/{key}", { params: { path: { key } } }));
}

/** Check 2–20 drugs (1 with a profile) against each other and the optional profile. */
export function checkInteractions(body: InteractionCheck): Promise<InteractionReport> {
  return unwrap(api.POST("/api/v1/interactions/check", { body }));
}
