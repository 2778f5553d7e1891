import { expect, request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";

import { BASE_URL } from "../playwright.config";

export type Credentials = { email: string; password: string };

/** Created by the web server command in playwright.config.ts (`lumen admin create`). */
export const ADMIN: Credentials = { email: "admin@example.test", password: "admin-password-123" };

/** A fresh address per call so tests never collide (the data dir is new per run anyway). */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.test`;
}

/**
 * Sign in through the UI and land on `next`. The server limits sign-ins per
 * account and IP (20 a minute), so tests sign in once and then navigate.
 */
export async function signIn(page: Page, who: Credentials = ADMIN, next = "/"): Promise<void> {
  await page.goto(next === "/" ? "/sign-in/" : `/sign-in/?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("user-menu")).toBeVisible();
  await expect(page).not.toHaveURL(/\/sign-in\//);
}

/** POST /auth/login and return the access token (for API set-up in tests). */
export async function accessToken(request: APIRequestContext, who: Credentials = ADMIN): Promise<string> {
  const res = await request.post("/api/v1/auth/login", { data: { email: who.email, password: who.password } });
  if (res.status() !== 200) throw new Error(`login ${who.email} → ${res.status()}: ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** An API context that sends the admin's Bearer token on every call; dispose() it in afterAll. */
export async function adminApi(): Promise<APIRequestContext> {
  const anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const token = await accessToken(anonymous);
  await anonymous.dispose();
  return playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
}

/** Create an account through the API (role patient). */
export async function registerUser(
  request: APIRequestContext,
  who: Credentials & { display_name?: string },
): Promise<{ id: string; email: string }> {
  const res = await request.post("/api/v1/auth/register", { data: who });
  if (res.status() !== 201) throw new Error(`register ${who.email} → ${res.status()}: ${await res.text()}`);
  return (await res.json()) as { id: string; email: string };
}
