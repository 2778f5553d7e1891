import createClient, { type Middleware } from "openapi-fetch";

import type { paths } from "./schema";

/**
 * The one typed client for the LUMEN API. baseUrl is "" because the UI is a
 * static export served by FastAPI on the same origin: every call is /api/v1/...
 */
export const api = createClient<paths>({ baseUrl: "" });

// The HTTP plumbing for auth lives here; the policy (where tokens come from,
// when to refresh, what to do when a session dies) lives in lib/auth, which
// plugs itself in with the two setters below. Without them no header is sent.
let getToken: () => string | null | Promise<string | null> = () => null;
let renewToken: (() => Promise<string | null>) | null = null;

/** Decide where the Bearer token comes from (the sign-in store); it may refresh first. */
export function setTokenGetter(getter: () => string | null | Promise<string | null>): void {
  getToken = getter;
}

/**
 * What to do when the API answers 401 to a call that carried a token: renew it
 * (e.g. with the refresh token) and return the new one, or null to give up.
 * The call is then retried once with the new token.
 */
export function setTokenRenewer(renewer: (() => Promise<string | null>) | null): void {
  renewToken = renewer;
}

/** Calls whose 401 is an answer about credentials, not about the Bearer token: never attach one or retry. */
const TOKEN_ENDPOINTS = new Set([
  "/api/v1/auth/login",
  "/api/v1/auth/refresh",
  "/api/v1/auth/logout",
  "/api/v1/auth/register",
  "/api/v1/auth/password-reset",
]);

/** 401 codes that mean "wrong password or code" (e.g. when changing the password): retrying cannot help. */
const CREDENTIAL_CODES = new Set(["invalid_credentials", "mfa_required", "invalid_mfa_code"]);

// A copy of each request that may need a retry, taken before fetch() consumes its body.
const retryCopies = new Map<string, Request>();

async function errorCode(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.clone().json();
    const error = (body as { error?: { code?: unknown } } | null)?.error;
    return typeof error?.code === "string" ? error.code : null;
  } catch {
    return null;
  }
}

const bearerAuth: Middleware = {
  async onRequest({ request, schemaPath, id }) {
    if (TOKEN_ENDPOINTS.has(schemaPath)) return request;
    const token = await getToken();
    if (token) {
      request.headers.set("Authorization", `Bearer ${token}`);
      if (renewToken) retryCopies.set(id, request.clone());
    }
    return request;
  },
  async onResponse({ response, id, options }) {
    const copy = retryCopies.get(id);
    retryCopies.delete(id);
    if (!copy || response.status !== 401 || !renewToken) return response;
    if (CREDENTIAL_CODES.has((await errorCode(response)) ?? "")) return response;
    const token = await renewToken();
    if (!token) return response;
    copy.headers.set("Authorization", `Bearer ${token}`);
    return options.fetch(copy);
  },
  onError({ id }) {
    retryCopies.delete(id);
  },
};

api.use(bearerAuth);
