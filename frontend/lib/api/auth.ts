// Account API calls (/api/v1/auth/...). Each returns data or throws ApiError (see unwrap).
// Sign-in state itself (tokens, refresh, idle logoff) lives in lib/auth.
import { api } from "./client";
import { unwrap } from "./errors";
import type { ApiKey, ApiKeyCreated, ApiScope, MfaSetup, TokenPair, User } from "./types";

export function register(body: { email: string; password: string; display_name?: string | null }): Promise<User> {
  return unwrap(api.POST("/api/v1/auth/register", { body }));
}

/** 401 `mfa_required` means: ask for the 6-digit code and call again with totp_code. */
export function login(body: { email: string; password: string; totp_code?: string | null }): Promise<TokenPair> {
  return unwrap(api.POST("/api/v1/auth/login", { body }));
}

/** Trade a refresh token for a new pair; the old refresh token is spent (rotation). */
export function refreshTokens(refreshToken: string): Promise<TokenPair> {
  return unwrap(api.POST("/api/v1/auth/refresh", { body: { refresh_token: refreshToken } }));
}

export function logout(refreshToken: string): Promise<void> {
  return unwrap(api.POST("/api/v1/auth/logout", { body: { refresh_token: refreshToken } }));
}

export function getMe(): Promise<User> {
  return unwrap(api.GET("/api/v1/auth/me"));
}

/** Change the password; the server revokes the user's other sessions. */
export function changePassword(body: { current_password: string; new_password: string }): Promise<void> {
  return unwrap(api.POST("/api/v1/auth/password", { body }));
}

/** Set a new password with a one-time token an admin issued. */
export function resetPassword(body: { token: string; new_password: string }): Promise<void> {
  return unwrap(api.POST("/api/v1/auth/password-reset", { body }));
}

/** Start MFA enrolment: a new TOTP secret that only counts once enableMfa() confirms a code. */
export function setupMfa(): Promise<MfaSetup> {
  return unwrap(api.POST("/api/v1/auth/mfa/setup"));
}

export function enableMfa(code: string): Promise<void> {
  return unwrap(api.POST("/api/v1/auth/mfa/enable", { body: { code } }));
}

export function disableMfa(body: { password: string; code: string }): Promise<void> {
  return unwrap(api.POST("/api/v1/auth/mfa/disable", { body }));
}

export function listApiKeys(): Promise<ApiKey[]> {
  return unwrap(api.GET("/api/v1/auth/api-keys"));
}

export function listApiScopes(): Promise<ApiScope[]> {
  return unwrap(api.GET("/api/v1/auth/api-keys/scopes"));
}

/** The response's `key` is the only time the secret is ever shown. */
export function createApiKey(body: { name: string; scopes: string[] }): Promise<ApiKeyCreated> {
  return unwrap(api.POST("/api/v1/auth/api-keys", { body }));
}

export function revokeApiKey(id: string): Promise<void> {
  return unwrap(api.DELETE("/api/v1/auth/api-keys/{key_id}", { params: { path: { key_id: id } } }));
}
