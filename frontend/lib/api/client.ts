import createClient, { type Middleware } from "openapi-fetch";

import type { paths } from "./schema";

/**
 * The one typed client for the LUMEN API. baseUrl is "" because the UI is a
 * static export served by FastAPI on the same origin: every call is /api/v1/...
 */
export const api = createClient<paths>({ baseUrl: "" });

// Auth lands later (JWT login). Until then the getter returns null and no
// header is sent; login will call setTokenGetter() with its own store.
let getToken: () => string | null = () => null;

/** Decide where the Bearer token comes from (e.g. the login store). */
export function setTokenGetter(getter: () => string | null): void {
  getToken = getter;
}

const bearerAuth: Middleware = {
  onRequest({ request }) {
    const token = getToken();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
};

api.use(bearerAuth);
