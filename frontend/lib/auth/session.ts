// The signed-in session: a small external store (read with useSyncExternalStore
// through useAuth) plus the token lifecycle: sign in, refresh before expiry and
// once on a 401, sign out (by the user, on idle, or when the session is dead).
import * as authApi from "@/lib/api/auth";
import { setTokenGetter, setTokenRenewer } from "@/lib/api/client";
import { ApiError, toApiError } from "@/lib/api/errors";
import type { TokenPair, User } from "@/lib/api/types";

import { IDLE_TIMEOUT_MS, isIdleExpired } from "./idle";
import { readLastActivity, readRefreshToken, writeLastActivity, writeRefreshToken } from "./storage";

/** Why the user is signed out; the sign-in page explains it. */
export type SignOutReason = "user" | "idle" | "expired" | "password_changed";

export type AuthState =
  | { status: "loading" }
  | { status: "signedOut"; reason: SignOutReason | null }
  | { status: "signedIn"; user: User };

/** Refresh the access token this long before it expires (and never later than halfway through its life). */
const REFRESH_MARGIN_S = 60;
/** A call made with less than this left on the access token refreshes first. */
const MIN_TOKEN_LEFT_MS = 15_000;

let state: AuthState = { status: "loading" };
const listeners = new Set<() => void>();

let access: { token: string; expiresAt: number } | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<string | null> | null = null;
let started = false;

function setState(next: AuthState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const getAuthState = (): AuthState => state;
export const getServerAuthState = (): AuthState => ({ status: "loading" });

function storeTokens(pair: TokenPair): void {
  access = { token: pair.access_token, expiresAt: Date.now() + pair.expires_in * 1000 };
  writeRefreshToken(pair.refresh_token);
  clearTimeout(refreshTimer);
  const inS = Math.max(5, Math.min(pair.expires_in - REFRESH_MARGIN_S, pair.expires_in / 2));
  refreshTimer = setTimeout(() => void refreshSession(), inS * 1000);
}

function dropTokens(): void {
  access = null;
  clearTimeout(refreshTimer);
  writeRefreshToken(null);
  writeLastActivity(null);
}

/**
 * Trade the refresh token for a new pair. Single-flight: refresh tokens rotate
 * and the server treats a reused one as theft, so concurrent callers must share
 * one request. Returns the new access token, or null (and signs out) when the
 * session is over.
 */
export function refreshSession(): Promise<string | null> {
  if (refreshing) return refreshing;
  const refreshToken = readRefreshToken();
  if (!refreshToken) return Promise.resolve(null);
  refreshing = (async () => {
    try {
      const pair = await authApi.refreshTokens(refreshToken);
      storeTokens(pair);
      return pair.access_token;
    } catch (e) {
      const error = toApiError(e);
      // A network blip is not the end of the session: keep the token and try again later.
      if (error.code === "network_error") return null;
      dropTokens();
      setState({ status: "signedOut", reason: "expired" });
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** The Bearer token for the next call, refreshed first when it is about to expire. */
async function tokenForRequest(): Promise<string | null> {
  if (access && access.expiresAt - Date.now() > MIN_TOKEN_LEFT_MS) return access.token;
  if (readRefreshToken()) return refreshSession();
  return access?.token ?? null;
}

setTokenGetter(tokenForRequest);
setTokenRenewer(() => refreshSession());

/** Sign in; throws ApiError (`mfa_required`, `invalid_credentials`, `account_locked`...). */
export async function signIn(email: string, password: string, totpCode?: string): Promise<User> {
  const pair = await authApi.login({ email, password, totp_code: totpCode || undefined });
  storeTokens(pair);
  writeLastActivity(Date.now());
  try {
    const user = await authApi.getMe();
    setState({ status: "signedIn", user });
    return user;
  } catch (e) {
    dropTokens();
    setState({ status: "signedOut", reason: null });
    throw e;
  }
}

/** End the session here and on the server (best effort: the local session ends either way). */
export async function signOut(reason: SignOutReason = "user"): Promise<void> {
  const refreshToken = readRefreshToken();
  dropTokens();
  setState({ status: "signedOut", reason });
  if (refreshToken) {
    try {
      await authApi.logout(refreshToken);
    } catch {
      // Already expired or the server is unreachable: nothing more to do here.
    }
  }
}

/**
 * The sign-in page has shown (through its URL) why the session ended: forget the
 * reason, so a later visit to a protected page asks to come back to it.
 */
export function clearSignOutReason(): void {
  if (state.status === "signedOut" && state.reason !== null) setState({ status: "signedOut", reason: null });
}

/** Fetch the user again (after enabling MFA, say) so the UI shows the change. */
export async function reloadUser(): Promise<User | null> {
  try {
    const user = await authApi.getMe();
    setState({ status: "signedIn", user });
    return user;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      dropTokens();
      setState({ status: "signedOut", reason: "expired" });
    }
    return null;
  }
}

/**
 * After a password change the server ends every session, this one included.
 * Sign in afresh with the new password so the user carries on; if that needs
 * an MFA code, the user goes to the sign-in page instead.
 */
export async function continueAfterPasswordChange(email: string, newPassword: string): Promise<boolean> {
  dropTokens();
  try {
    await signIn(email, newPassword);
    return true;
  } catch {
    dropTokens();
    setState({ status: "signedOut", reason: "password_changed" });
    return false;
  }
}

/** Note user activity for the idle logoff, persisted so a reload after the limit cannot resume the session. */
export function recordActivity(at: number = Date.now()): void {
  if (state.status === "signedIn") writeLastActivity(at);
}

/** Restore the session on page load from the refresh token in sessionStorage. Runs once. */
export async function startSession(): Promise<void> {
  if (started) return;
  started = true;
  const refreshToken = readRefreshToken();
  if (!refreshToken) {
    setState({ status: "signedOut", reason: null });
    return;
  }
  const last = readLastActivity();
  if (last !== null && isIdleExpired(last, Date.now(), IDLE_TIMEOUT_MS)) {
    await signOut("idle");
    return;
  }
  const token = await refreshSession();
  if (!token) {
    if (state.status === "loading") setState({ status: "signedOut", reason: null });
    return;
  }
  try {
    setState({ status: "signedIn", user: await authApi.getMe() });
  } catch {
    dropTokens();
    setState({ status: "signedOut", reason: "expired" });
  }
}

// Hand the email from sign-up to sign-in in memory only: an email in the URL
// would end up in browser history and server logs.
let rememberedEmail: string | null = null;
export function rememberEmail(email: string | null): void {
  rememberedEmail = email;
}
export function takeRememberedEmail(): string | null {
  const email = rememberedEmail;
  rememberedEmail = null;
  return email;
}
