import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

import { startSelfCheck, waitForJob } from "./api";
import { axeViolations, expectNoViolations } from "./axe";
import { PAGES } from "./pages";
import { adminApi, signIn } from "./session";

let jobId = "";
let api: APIRequestContext;

test.beforeAll(async () => {
  api = await adminApi();
  const job = await startSelfCheck(api, { steps: 2, step_seconds: 0 });
  await waitForJob(api, job.id, ["succeeded", "failed"]);
  jobId = job.id;
});
test.afterAll(async () => {
  await api.dispose();
});

type Check = { name: string; path: string; ready: (p: Page) => Promise<void> };

const heading = (p: Page) => expect(p.getByRole("heading", { level: 1 })).toBeVisible();

// Pages anyone can open, each its own test.
const publicPages = (): Check[] => [
  { name: "Home", path: "/", ready: (p) => expect(p.getByTestId("health-status")).toBeVisible() },
  ...PAGES.filter((i) => !i.signedIn).map((info) => ({ name: info.label, path: info.path, ready: heading })),
  { name: "Sign in", path: "/sign-in/", ready: heading },
  {
    name: "Sign in after inactivity",
    path: "/sign-in/?reason=idle",
    ready: (p) => expect(p.getByTestId("sign-in-notice")).toBeVisible(),
  },
  { name: "Create an account", path: "/sign-up/", ready: heading },
  { name: "Reset password", path: "/reset-password/?token=example-token-123", ready: heading },
  { name: "Not found", path: "/no-such-page/", ready: heading },
];

// Pages behind sign-in: one sign-in per colour scheme (the server rate-limits sign-ins), then each page.
const signedInPages = (): Check[] => [
  ...PAGES.filter((i) => i.signedIn).map((info) => ({
    name: info.label,
    path: info.path,
    ready: (p: Page) => expect(p.getByTestId(info.ready ?? "")).toBeVisible(),
  })),
  { name: "Job detail", path: "detail", ready: (p) => expect(p.getByTestId("job-status")).toBeVisible() },
  { name: "Account", path: "/account/", ready: (p) => expect(p.getByTestId("api-keys-table").or(p.getByText("No API keys yet"))).toBeVisible() },
];

const darkClass = (scheme: "light" | "dark") => (scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);

for (const scheme of ["light", "dark"] as const) {
  test.describe(`accessibility (${scheme})`, () => {
    test.use({ colorScheme: scheme });
    for (const { name, path, ready } of publicPages()) {
      test(`${name} has no axe violations`, async ({ page }) => {
        await page.goto(path);
        await ready(page);
        await expect(page.locator("html")).toHaveClass(darkClass(scheme));
        await expectNoViolations(page);
      });
    }

    test("signed-in pages have no axe violations", async ({ page }) => {
      await signIn(page);
      const problems: string[] = [];
      for (const { name, path, ready } of signedInPages()) {
        await page.goto(path === "detail" ? `/jobs/?id=${jobId}` : path);
        await ready(page);
        await expect(page.locator("html")).toHaveClass(darkClass(scheme));
        for (const v of await axeViolations(page)) problems.push(`${name}: ${v}`);
      }
      // The account menu, open.
      await page.getByTestId("user-menu").click();
      await expect(page.getByRole("menu")).toBeVisible();
      for (const v of await axeViolations(page)) problems.push(`Account menu: ${v}`);
      expect(problems, problems.join("\n")).toEqual([]);
    });
  });

  test(`mobile menu has no axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto("/");
    await page.getByRole("button", { name: "Open navigation menu" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectNoViolations(page);
  });
}
