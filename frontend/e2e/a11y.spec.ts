import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { startSelfCheck, waitForJob } from "./api";
import { PAGES } from "./pages";

// WCAG 2.0–2.2 A/AA plus axe's best practices. We assert no violations at all,
// which is stricter than "no serious or critical ones".
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, summary.join("\n")).toEqual([]);
}

let jobId = "";

test.beforeAll(async ({ request }) => {
  const job = await startSelfCheck(request, { steps: 2, step_seconds: 0 });
  await waitForJob(request, job.id, ["succeeded", "failed"]);
  jobId = job.id;
});

const paths = () => [
  { name: "Home", path: "/", ready: (p: Page) => expect(p.getByTestId("health-status")).toBeVisible() },
  ...PAGES.map((info) => ({
    name: info.label,
    path: info.path,
    ready: (p: Page) =>
      info.placeholder
        ? expect(p.getByRole("heading", { level: 1 })).toBeVisible()
        : expect(p.getByTestId("jobs-summary")).toBeVisible(),
  })),
  { name: "Job detail", path: "detail", ready: (p: Page) => expect(p.getByTestId("job-status")).toBeVisible() },
  { name: "Not found", path: "/no-such-page/", ready: (p: Page) => expect(p.getByRole("heading", { level: 1 })).toBeVisible() },
];

for (const scheme of ["light", "dark"] as const) {
  test.describe(`accessibility (${scheme})`, () => {
    test.use({ colorScheme: scheme });
    for (const { name, path, ready } of paths()) {
      test(`${name} has no axe violations`, async ({ page }) => {
        await page.goto(path === "detail" ? `/jobs/?id=${jobId}` : path);
        await ready(page);
        await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
        await expectNoViolations(page);
      });
    }
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
