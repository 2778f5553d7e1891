import type { ErrorBody } from "./types";

/** An API failure with the backend's error code, or "network_error" when no response came. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number | null;
  readonly details: unknown;
  /** Seconds from the Retry-After header (429 lockouts, 503s), when the server sent one. */
  readonly retryAfter: number | null;

  constructor(
    code: string,
    message: string,
    status: number | null = null,
    details: unknown = null,
    retryAfter: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.details = details;
    this.retryAfter = retryAfter;
  }
}

/** Retry-After as seconds: either a number of seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function isErrorResponse(value: unknown): value is { error: ErrorBody } {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const inner = (value as { error: unknown }).error;
  return typeof inner === "object" && inner !== null && "code" in inner && "message" in inner;
}

/** Turn whatever a failed call gave us into an ApiError with a human message. */
export function toApiError(body: unknown, response?: Response): ApiError {
  const status = response?.status ?? null;
  if (isErrorResponse(body)) {
    const retryAfter = parseRetryAfter(response?.headers.get("Retry-After"));
    return new ApiError(body.error.code, body.error.message, status, body.error.details, retryAfter);
  }
  if (body instanceof ApiError) return body;
  if (body instanceof Error) {
    // fetch() rejects with a TypeError when the server cannot be reached at all.
    return new ApiError("network_error", "Cannot reach the LUMEN server. Check that it is running.", null);
  }
  const statusText = response ? `${response.status} ${response.statusText}`.trim() : "no response";
  return new ApiError("http_error", `Unexpected response from the server (${statusText}).`, status, body);
}

/**
 * Return `data` from an openapi-fetch result or throw an ApiError, so callers
 * can use try/catch and the hooks can keep one error path.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (e) {
    throw toApiError(e);
  }
  if (result.error !== undefined || !result.response.ok) {
    throw toApiError(result.error, result.response);
  }
  return result.data as T;
}
