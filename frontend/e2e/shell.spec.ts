import { expect, test } from "@playwright/test";

import { PAGES } from "./pages";
import { signIn } from "./session";

test.describe("app shell", () => {
  test("home page explains LUMEN and shows live API health", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "LUMEN" })).toBeVisible();
    await expect(page.getByText("grounded medical and pharmaceutical AI assistant")).toBeVisible();
    await expect(page.getByTestId("health-status")).toHaveText(/All systems OK|Degraded/);
    await expect(page.getByText("Database", { exact: true })).toBeVisible();
    await expect(page.getByRole("contentinfo")).toContainText("not medical advice");
  });

  for (const info of PAGES) {
    test(`${info.section} → ${info.label} is reachable from the sidebar`, async ({ page }) => {
      if (info.signedIn) await signIn(page);
      else await page.goto("/");
      const nav = page.getByRole("navigation", { name: "Main" });
      await nav.getByRole("link", { name: new RegExp(`^${info.label}`) }).click();
      await expect(page).toHaveURL(new RegExp(`${info.path.replace(/\//g, "\\/")}$`));
      await expect(page.getByRole("heading", { level: 1, name: info.label })).toBeVisible();
      await expect(nav.getByRole("link", { name: new RegExp(`^${info.label}`) })).toHaveAttribute("aria-current", "page");
      if (info.placeholder) {
        await expect(page.getByText("Coming soon", { exact: true })).toBeVisible();
        await expect(page.getByRole("main")).toContainText(/coming soon/i);
      }
      await expect(page.getByRole("contentinfo")).toContainText("not medical advice");
    });
  }

  test("mobile menu opens, navigates and closes", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto("/");
    // The sidebar is hidden on small screens; the menu button replaces it.
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    const open = page.getByRole("button", { name: "Open navigation menu" });
    await open.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("heading", { name: "Pharma" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused(); // focus returns to the trigger

    // A page anyone can open, so no sign-in redirect gets in the way.
    const target = PAGES.find((p) => !p.signedIn)!;
    await open.click();
    await dialog.getByRole("link", { name: new RegExp(`^${target.label}`) }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`${target.path.replace(/\//g, "\\/")}$`));
    await expect(page.getByRole("heading", { level: 1, name: target.label })).toBeVisible();
  });

  test("dark mode toggles and persists across reloads", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    const html = page.locator("html");
    const toggle = page.getByRole("button", { name: "Dark mode" });
    await expect(html).not.toHaveClass(/\bdark\b/);
    await expect(toggle).toHaveAttribute("aria-pressed", "false");

    await toggle.click();
    await expect(html).toHaveClass(/\bdark\b/);
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await page.reload();
    await expect(html).toHaveClass(/\bdark\b/);
    await page.goto("/jobs/");
    await expect(html).toHaveClass(/\bdark\b/);

    await page.getByRole("button", { name: "Dark mode" }).click();
    await expect(html).not.toHaveClass(/\bdark\b/);
    await page.reload();
    await expect(html).not.toHaveClass(/\bdark\b/);
  });

  test("follows the system colour scheme until the user chooses", async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await expect(page.getByRole("button", { name: "Dark mode" })).toHaveAttribute("aria-pressed", "true");
    await context.close();
  });

  test("skip link moves focus to the main content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("#main")).toBeFocused();
  });

  test("the header offers Sign in when signed out, and the account menu when signed in", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/sign-in\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

    await signIn(page);
    const menu = page.getByTestId("user-menu");
    await expect(menu).toContainText("Administrator");
    await menu.click();
    await expect(page.getByRole("menuitem", { name: "Account" })).toBeVisible();
    await page.getByRole("menuitem", { name: "Account" }).click();
    await expect(page).toHaveURL(/\/account\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("admin@example.test");

    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in\/$/);
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    // Signed out for real: the account page sends us back to sign in.
    await page.goto("/account/");
    await expect(page).toHaveURL(/\/sign-in\/\?next=%2Faccount%2F$/);
  });

  test("unknown pages get a helpful 404", async ({ page }) => {
    const res = await page.goto("/no-such-page/");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  });
});
