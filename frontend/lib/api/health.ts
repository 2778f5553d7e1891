import { api } from "./client";
import { toApiError } from "./errors";
import type { Health } from "./types";

function isHealth(value: unknown): value is Health {
  return typeof value === "object" && value !== null && "status" in value && "checks" in value;
}

/** The API's health report. A 503 "degraded" still carries the report, so return it rather than throw. */
export async function getHealth(): Promise<Health> {
  let result;
  try {
    result = await api.GET("/api/v1/health");
  } catch (e) {
    throw toApiError(e);
  }
  if (result.data) return result.data;
  if (isHealth(result.error)) return result.error;
  throw toApiError(result.error, result.response);
}
