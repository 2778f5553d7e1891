import { expect, test, type APIRequestContext } from "@playwright/test";

import { startSelfCheck, waitForJob } from "./api";
import { adminApi, registerUser, signIn, uniqueEmail } from "./session";

// Jobs need sign-in: the browser signs in as the admin; API set-up uses the admin's token.
let api: APIRequestContext;
test.beforeAll(async () => {
  api = await adminApi();
});
test.afterAll(async () => {
  await api.dispose();
});

test.describe("jobs", () => {
  test("run a self-check from the UI, watch it finish, open its details", async ({ page }) => {
    await signIn(page, undefined, "/jobs/");
    await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();

    const created = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/jobs") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Run self-check" }).click();
    const response = await created;
    expect(response.status()).toBe(202);
    const { id } = (await response.json()) as { id: string };

    const row = page.locator(`[data-job-id="${id}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByRole("link", { name: "Self-check" })).toBeVisible();
    // The page polls every second while the job is active, so progress shows up without reloads.
    await expect(row.getByTestId("job-status")).toHaveText("Succeeded", { timeout: 45_000 });
    await expect(row.getByTestId("job-progress")).toHaveText("100%");
    await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    await expect(row.getByRole("button", { name: /^Cancel/ })).toHaveCount(0);

    await row.getByRole("link", { name: "Self-check" }).click();
    await expect(page).toHaveURL(new RegExp(`/jobs/\\?id=${id}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Job details" })).toBeVisible();
    const main = page.getByRole("main");
    await expect(main.getByTestId("job-status")).toHaveText("Succeeded");
    await expect(main.getByTestId("job-progress")).toHaveText("100%");
    await expect(main.getByText(id)).toBeVisible();
    await expect(main.getByText("Attempts")).toBeVisible();
    await expect(main.getByLabel("Job parameters (JSON)")).toContainText("steps");
    await expect(main.getByLabel("Job result (JSON)")).toBeVisible();

    await page.getByRole("link", { name: "All jobs" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  });

  test("cancel a running job from the list", async ({ page }) => {
    // Long enough (≈60 s) that it is certainly still running when we cancel.
    const job = await startSelfCheck(api, { steps: 60, step_seconds: 1 });
    await signIn(page, undefined, "/jobs/");
    const row = page.locator(`[data-job-id="${job.id}"]`);
    await expect(row.getByTestId("job-status")).toHaveText(/Queued|Running/);

    await row.getByRole("button", { name: /^Cancel/ }).click();
    await expect(row.getByTestId("job-status")).toHaveText(/Cancelling|Cancelled/);
    await expect(row.getByTestId("job-status")).toHaveText("Cancelled", { timeout: 30_000 });
    await expect(row.getByRole("button", { name: /^Cancel/ })).toHaveCount(0);
  });

  test("cancel a running job from its detail page", async ({ page }) => {
    const job = await startSelfCheck(api, { steps: 60, step_seconds: 1 });
    await waitForJob(api, job.id, ["running"]);
    await signIn(page, undefined, `/jobs/?id=${job.id}`);
    const main = page.getByRole("main");
    await expect(main.getByTestId("job-status")).toHaveText("Running");

    await main.getByRole("button", { name: /^Cancel/ }).click();
    await expect(main.getByTestId("job-status")).toHaveText("Cancelled", { timeout: 30_000 });
    await expect(main.getByRole("button", { name: /^Cancel/ })).toHaveCount(0);
  });

  test("filter by status keeps the choice in the URL and shows an empty state", async ({ page }) => {
    const job = await startSelfCheck(api, { steps: 1, step_seconds: 0 });
    await waitForJob(api, job.id, ["succeeded"]);

    await signIn(page, undefined, "/jobs/");
    const filter = page.getByLabel("Status");
    await filter.selectOption("succeeded");
    await expect(page).toHaveURL(/status=succeeded/);
    await expect(page.locator(`[data-job-id="${job.id}"]`)).toBeVisible();
    const statuses = await page.getByRole("main").getByTestId("job-status").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["Succeeded"]));

    await filter.selectOption("failed");
    await expect(page.getByText("No failed jobs")).toBeVisible();

    await page.reload();
    await expect(page.getByLabel("Status")).toHaveValue("failed");
    await filter.selectOption("");
    await expect(page).not.toHaveURL(/status=/);
    await expect(page.locator(`[data-job-id="${job.id}"]`)).toBeVisible();
  });

  test("an unknown job id shows a not-found message", async ({ page }) => {
    await signIn(page, undefined, "/jobs/?id=00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { level: 1, name: "Job not found" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("not found");
  });

  test("the API being unreachable shows an error state, not a blank page", async ({ page }) => {
    await signIn(page);
    await page.route("**/api/v1/jobs?**", (route) => route.abort());
    await page.goto("/jobs/");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Cannot reach the LUMEN server");
    await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
  });

  test("jobs need sign-in; other roles see only their own jobs and cannot start a self-check", async ({ page }) => {
    await page.goto("/jobs/");
    await expect(page).toHaveURL(/\/sign-in\/\?next=%2Fjobs%2F$/);

    const who = { email: uniqueEmail("jobs"), password: "patient-password-1" };
    await registerUser(api, who);
    await signIn(page, who, "/jobs/");
    await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
    await expect(page.getByText("No jobs yet")).toBeVisible();
    await expect(page.getByRole("button", { name: "Run self-check" })).toHaveCount(0);
  });
});
