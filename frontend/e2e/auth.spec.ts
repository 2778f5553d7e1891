import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

import { expectNoViolations } from "./axe";
import { adminApi, registerUser, signIn, uniqueEmail } from "./session";
import { freshTotp } from "./totp";

let api: APIRequestContext;
test.beforeAll(async () => {
  api = await adminApi();
});
test.afterAll(async () => {
  await api.dispose();
});

async function signOutFromMenu(page: Page) {
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\/$/);
}

test.describe("accounts", () => {
  test("sign up, sign in, turn on MFA, sign in with a code, then create, use and revoke an API key", async ({ page, request }) => {
    test.setTimeout(150_000); // the second TOTP code may wait up to 30 s for a fresh time step
    const email = uniqueEmail("flow");
    const password = "correct horse battery";
    const usedSteps = new Set<number>();

    // Sign up.
    await page.goto("/sign-up/");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Display name (optional)").fill("Flow Tester");
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("Confirm password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();

    // Sign in (the email carries over).
    await expect(page).toHaveURL(/\/sign-in\/\?registered=1$/);
    await expect(page.getByText("Your account is ready")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("user-menu")).toContainText("Flow Tester");

    // Turn on MFA with a code computed from the key the page shows.
    await page.goto("/account/");
    await expect(page.getByTestId("mfa-status")).toHaveText("Off");
    await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
    const secret = await page.getByTestId("mfa-secret").getAttribute("data-secret");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
    await expect(page.getByTestId("mfa-setup")).toContainText("otpauth://totp/");
    await expectNoViolations(page, "account with MFA set-up");
    await page.getByLabel("Code from your app").fill(await freshTotp(secret!, usedSteps));
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.getByTestId("mfa-status")).toHaveText("On");
    await expect(page.getByText("Two-step sign-in is on")).toBeVisible();

    // Sign out, sign in again: now the code is asked for.
    await signOutFromMenu(page);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const codeField = page.getByLabel("Authentication code");
    await expect(codeField).toBeFocused();
    await expectNoViolations(page, "sign-in code step");
    await codeField.fill("000000");
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toContainText("code is not right");
    await codeField.fill(await freshTotp(secret!, usedSteps));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(page.getByTestId("user-menu")).toContainText("Flow Tester");

    // Create an API key that may only read jobs; its secret is shown once.
    await page.goto("/account/");
    await page.getByLabel("Name", { exact: true }).fill("ci reader");
    await page.getByRole("checkbox", { name: /jobs:read/ }).check();
    await page.getByRole("button", { name: "Create key" }).click();
    const key = (await page.getByTestId("new-api-key-value").textContent())?.trim() ?? "";
    expect(key.length).toBeGreaterThan(20);
    await expect(page.getByTestId("new-api-key")).toContainText("will not be shown again");
    const row = page.getByTestId("api-key-row").filter({ hasText: "ci reader" });
    await expect(row).toContainText("jobs:read");
    await expect(row).toContainText("Active");
    await expectNoViolations(page, "account with a new key");

    // The key works for its scope, and cannot manage the account.
    const bearer = { Authorization: `Bearer ${key}` };
    expect((await request.get("/api/v1/jobs", { headers: bearer })).status()).toBe(200);
    expect((await request.get("/api/v1/auth/me", { headers: bearer })).status()).toBe(403);

    // Once revoked (after confirming) it no longer works at all.
    await page.getByRole("button", { name: "I have saved it" }).click();
    await expect(page.getByTestId("new-api-key")).toHaveCount(0);
    await row.getByRole("button", { name: "Revoke key ci reader" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText("will stop working");
    await expectNoViolations(page, "revoke confirmation");
    await dialog.getByRole("button", { name: "Revoke key" }).click();
    await expect(row).toContainText("Revoked");
    await expect(row.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);
    expect((await request.get("/api/v1/jobs", { headers: bearer })).status()).toBe(401);
  });

  test("a wrong password shows an error and keeps you signed out", async ({ page }) => {
    const who = { email: uniqueEmail("wrong"), password: "right-password-1" };
    await registerUser(api, who);
    await page.goto("/sign-in/");
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill("wrong-password-1");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is not right. Check them and try again.");
    await expect(page.getByLabel("Password")).toBeFocused();
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  });

  test("repeated failures lock the account and say when to try again", async ({ page }) => {
    const who = { email: uniqueEmail("locked"), password: "right-password-1" };
    await registerUser(api, who);
    await page.goto("/sign-in/");
    await page.getByLabel("Email").fill(who.email);
    const error = page.getByTestId("sign-in-error");
    for (let i = 0; i < 8; i++) {
      await page.getByLabel("Password").fill(`wrong-password-${i}`);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(error).toBeVisible();
      if (/locked/.test((await error.textContent()) ?? "")) break;
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
    }
    await expect(error).toContainText(/This account is locked .* Try again in \d+ (second|minute)s? \(after .+\)\./);
  });

  test("sign-up checks the password rule and the confirmation before sending", async ({ page }) => {
    await page.goto("/sign-up/");
    await expect(page.getByText("At least 10 characters.")).toBeVisible();
    await page.getByLabel("Email").fill(uniqueEmail("rule"));
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByLabel("Confirm password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
    await page.getByLabel("Password", { exact: true }).fill("long-enough-1");
    await page.getByLabel("Confirm password").fill("long-enough-2");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("The passwords do not match.")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-up\/$/);

    // The server's answer for a taken email lands on the email field.
    await page.getByLabel("Email").fill("admin@example.test");
    await page.getByLabel("Confirm password").fill("long-enough-1");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("An account with this email already exists.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("changing the password keeps you signed in here and retires the old one", async ({ page, request }) => {
    const who = { email: uniqueEmail("pw"), password: "old-password-1", display_name: "Password Tester" };
    await registerUser(api, who);
    await signIn(page, who, "/account/");
    await page.getByLabel("Current password").fill("not-my-password");
    await page.getByLabel("New password", { exact: true }).fill("new-password-2");
    await page.getByLabel("Confirm new password").fill("new-password-2");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("That is not your current password.")).toBeVisible();

    await page.getByLabel("Current password").fill(who.password);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Password changed. Your other sessions were signed out.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
    await expect(page.getByTestId("user-menu")).toContainText("Password Tester");

    const login = (password: string) => request.post("/api/v1/auth/login", { data: { email: who.email, password } });
    expect((await login(who.password)).status()).toBe(401);
    expect((await login("new-password-2")).status()).toBe(200);
  });

  test("a page behind sign-in sends you to sign in and then back", async ({ page }) => {
    await page.goto("/account/");
    await expect(page).toHaveURL(/\/sign-in\/\?next=%2Faccount%2F$/);
    await page.getByLabel("Email").fill("admin@example.test");
    await page.getByLabel("Password").fill("admin-password-123");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/account\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  });

  test("after 15 minutes without input you are signed out, with a warning first and a notice after", async ({ page }) => {
    await page.clock.install();
    await signIn(page, undefined, "/account/");
    await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
    await page.clock.fastForward("14:01");
    await expect(page.getByRole("alert").filter({ hasText: "signed out in about a minute" })).toBeVisible();
    await page.clock.fastForward("01:00");
    await expect(page).toHaveURL(/\/sign-in\/\?next=%2Faccount%2F&reason=idle$/);
    await expect(page.getByTestId("sign-in-notice")).toHaveText(/You were signed out after inactivity/);
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    // The session is gone for good: a reload does not bring it back.
    await page.goto("/account/");
    await expect(page).toHaveURL(/\/sign-in\/\?next=%2Faccount%2F$/);
  });

  test("a reload after the idle limit does not resume the session", async ({ page }) => {
    await signIn(page, undefined, "/account/");
    await page.evaluate(() => sessionStorage.setItem("lumen.auth.lastActivity", String(Date.now() - 16 * 60_000)));
    await page.reload();
    await expect(page).toHaveURL(/reason=idle/);
    await expect(page.getByTestId("sign-in-notice")).toHaveText(/You were signed out after inactivity/);
  });
});

test.describe("admin", () => {
  test("an admin changes a user's role, and issues a reset token the user can use", async ({ page }) => {
    const who = { email: uniqueEmail("role"), password: "first-password-1", display_name: "Role Tester" };
    await registerUser(api, who);

    await signIn(page, undefined, "/users/");
    await page.getByLabel("Search").fill(who.email);
    const row = page.getByTestId("user-row").filter({ hasText: who.email });
    await expect(row).toHaveCount(1);
    await expect(page.getByTestId("users-summary")).toHaveText("1 user");
    const role = row.getByLabel("Role for Role Tester");
    await expect(role).toHaveValue("patient");

    const patched = page.waitForResponse((r) => r.url().includes("/api/v1/admin/users/") && r.request().method() === "PATCH");
    await role.selectOption("clinician");
    expect((await patched).status()).toBe(200);
    await page.reload();
    await page.getByLabel("Search").fill(who.email);
    await expect(page.getByTestId("user-row").filter({ hasText: who.email }).getByLabel("Role for Role Tester")).toHaveValue("clinician");

    // Filter by role.
    await page.getByLabel("Search").fill("");
    await page.getByLabel("Role", { exact: true }).selectOption("admin");
    await expect(page.getByTestId("user-row")).toHaveCount(1);
    await expect(page.getByTestId("user-row")).toContainText("admin@example.test");
    await page.getByLabel("Role", { exact: true }).selectOption("");

    // A reset token, shown once, sets a new password.
    await page.getByLabel("Search").fill(who.email);
    await row.getByRole("button", { name: "Issue reset token for Role Tester" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("Password reset for");
    await expectNoViolations(page, "reset token dialog");
    const token = (await dialog.getByTestId("reset-token").textContent())?.trim() ?? "";
    expect(token.length).toBeGreaterThan(10);
    await dialog.getByRole("button", { name: "Done" }).click();
    await signOutFromMenu(page);

    await page.goto(`/reset-password/?token=${encodeURIComponent(token)}`);
    await page.getByLabel("New password", { exact: true }).fill("second-password-2");
    await page.getByLabel("Confirm new password").fill("second-password-2");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Password changed" })).toBeVisible();
    await signIn(page, { email: who.email, password: "second-password-2" });
    await expect(page.getByTestId("user-menu")).toContainText("Role Tester");

    // A clinician may not open the admin pages: a clear "not allowed", not a blank page.
    await page.goto("/users/");
    await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
    await expect(page.getByTestId("not-allowed")).toContainText("(clinician)");
    await expectNoViolations(page, "not allowed");
    // ... and the sidebar does not offer them.
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: /^Users/ })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: /^Jobs/ })).toBeVisible();
  });

  test("the audit log lists sign-ins and the hash chain verifies", async ({ page }) => {
    await signIn(page, undefined, "/audit/");
    await expect(page.getByTestId("audit-summary")).toBeVisible();
    await page.getByLabel("Action").selectOption("auth.login");
    const rows = page.getByTestId("audit-row");
    await expect(rows.first()).toHaveAttribute("data-action", "auth.login");
    expect(new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-action"))))).toEqual(new Set(["auth.login"]));
    await expect(rows.first()).toContainText("admin");
    await expect(rows.first()).toContainText("127.0.0.1");

    await page.getByLabel("Flagged only").check();
    await expect(page.getByText("No events match")).toBeVisible();
    await page.getByLabel("Flagged only").uncheck();

    await page.getByRole("button", { name: "Verify chain" }).click();
    await expect(page.getByTestId("audit-verify")).toContainText("Chain OK");
    await expectNoViolations(page, "audit with verify result");
  });
});
