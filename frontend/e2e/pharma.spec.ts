import { readFileSync } from "node:fs";
import { resolve } from "node:path";

import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";

import { BASE_URL } from "../playwright.config";
import { expectNoViolations } from "./axe";
import { accessToken, adminApi, registerUser, signIn, uniqueEmail, type Credentials } from "./session";

// The Pharma QA workspace end to end: one author writes a document in the wizard
// and submits it, a second pharma user reviews, a third approves (segregation of
// duties is enforced by the server), then the approved version is locked, exports
// and gets a second version whose diff shows the change.

const PASSWORD = "pharma-password-123";
// Tests run from frontend/ (where playwright.config.ts is); the examples ship with the backend seed data.
const EXAMPLES = resolve(process.cwd(), "../data/seed/pharma/examples") + "/";

let admin: APIRequestContext;
let author: Credentials;
let reviewer: Credentials;
let approver: Credentials;
let documentId = "";

async function pharmaUser(name: string): Promise<Credentials> {
  const who = { email: uniqueEmail(name), password: PASSWORD, display_name: `E2E ${name}` };
  const { id } = await registerUser(admin, who);
  const res = await admin.patch(`/api/v1/admin/users/${id}`, { data: { role: "pharma" } });
  if (!res.ok()) throw new Error(`role change → ${res.status()}: ${await res.text()}`);
  return who;
}

async function apiAs(who: Credentials): Promise<APIRequestContext> {
  const anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const token = await accessToken(anonymous, who);
  await anonymous.dispose();
  return playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
}

async function sign(page: Page, password: string) {
  await page.getByTestId("sign-open").click();
  const dialog = page.getByTestId("signature-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Your password").fill(password);
  await dialog.getByTestId("sign-submit").click();
}

/** Switch to the dark theme with the header toggle (each test's browser context starts light). */
async function inDark(page: Page) {
  await page.getByRole("button", { name: "Dark mode" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
}

test.describe.serial("pharma documents", () => {
  test.beforeAll(async () => {
    admin = await adminApi();
    author = await pharmaUser("author");
    reviewer = await pharmaUser("reviewer");
    approver = await pharmaUser("approver");
    // A second document, made through the API from the shipped example, so the list has something to filter.
    const api = await apiAs(author);
    const inputs = JSON.parse(readFileSync(`${EXAMPLES}sop.json`, "utf8")) as Record<string, unknown>;
    const res = await api.post("/api/v1/pharma/documents", { data: { type: "sop", title: "E2E example SOP", inputs } });
    expect(res.status(), await res.text()).toBe(201);
    await api.dispose();
  });
  test.afterAll(async () => {
    await admin.dispose();
  });

  test("an author creates an equipment logbook in the wizard and submits it with an e-signature", async ({ page }) => {
    await signIn(page, author, "/documents/");
    await expect(page.getByTestId("documents-summary")).toBeVisible();
    await expect(page.getByTestId("document-row").filter({ hasText: "E2E example SOP" })).toBeVisible();
    await page.getByLabel("Type").selectOption("equipment_logbook");
    await expect(page.getByText("No documents match these filters")).toBeVisible();
    await page.getByLabel("Type").selectOption("sop");
    await expect(page.getByTestId("document-row")).toHaveCount(1);
    await expectNoViolations(page, "document list");

    await page.getByTestId("new-document").click();
    await page.getByTestId("new-document-type").selectOption("equipment_logbook");
    const form = page.getByTestId("new-document-form");
    await expect(form).toBeVisible();
    await form.locator("#pf-title").fill("GR-201 logbook, E2E");
    const fill: Record<string, string> = {
      "pf-document_number": "LOG-GR-201-E2E",
      "pf-effective_date": "2025-04-30",
      "pf-company": "Example Pharma (fictional)",
      "pf-equipment_name": "High-shear granulator",
      "pf-equipment_id": "GR-201",
      "pf-model": "KHS-600",
      "pf-location": "Room 2.114",
      "pf-logbook_period": "April 2025",
      "pf-entries-0-date": "2025-04-01",
      "pf-entries-0-performed_by": "R. Tester",
      "pf-entries-0-checked_by": "S. Checker",
    };
    for (const [id, value] of Object.entries(fill)) await form.locator(`#${id}`).fill(value);
    await form.locator("#pf-entries-0-activity").selectOption("calibration");
    await expectNoViolations(page, "wizard");

    // "Make" is required and left empty: the server's 422 shows next to the field.
    await page.getByTestId("create-document").click();
    await expect(page.getByTestId("form-errors")).toBeFocused(); // focus moves to the error summary
    await expect(form.locator("#pf-make-error")).toContainText("required");
    await expect(form.locator("#pf-make")).toHaveAttribute("aria-invalid", "true");
    await expectNoViolations(page, "wizard with errors");
    await form.locator("#pf-make").fill("Kestrel (fictional)");
    await page.getByTestId("create-document").click();

    await expect(page).toHaveURL(/\/documents\/\?id=/);
    documentId = new URL(page.url()).searchParams.get("id") ?? "";
    const panel = page.getByTestId("version-panel");
    await expect(panel).toHaveAttribute("data-status", "draft");
    await expect(page.getByTestId("document-preview")).toContainText("High-shear granulator");
    await expect(page.getByTestId("edit-draft")).toBeVisible();
    await expectNoViolations(page, "document page (draft)");

    // A wrong password does not sign; the right one submits for review.
    await sign(page, "not-my-password");
    await expect(page.getByTestId("signature-error")).toContainText(/wrong/i);
    await expectNoViolations(page, "signature dialog");
    await page.getByTestId("signature-dialog").getByLabel("Your password").fill(PASSWORD);
    await page.getByTestId("sign-submit").click();
    await expect(page.getByTestId("signature-dialog")).toBeHidden();
    await expect(panel).toHaveAttribute("data-status", "in_review");
    await expect(page.getByTestId("edit-draft")).toHaveCount(0);
    await expect(page.getByTestId("signatures")).toContainText("Author");
  });

  test("a second pharma user reviews and a third approves", async ({ browser }) => {
    for (const [who, meaning] of [
      [reviewer, "Reviewer"],
      [approver, "Approver"],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, who, `/documents/?id=${documentId}`);
      await expect(page.getByTestId("version-panel")).toHaveAttribute("data-status", "in_review");
      await sign(page, PASSWORD);
      await expect(page.getByTestId("signatures")).toContainText(meaning);
      if (meaning === "Reviewer") await expect(page.getByTestId("version-panel")).toHaveAttribute("data-status", "in_review");
      else await expect(page.getByTestId("version-panel")).toHaveAttribute("data-status", "approved");
      await context.close();
    }
  });

  test("the approved version is locked, exports as PDF and gets a second version with a diff", async ({ page }) => {
    await signIn(page, author, `/documents/?id=${documentId}`);
    const panel = page.getByTestId("version-panel");
    await expect(panel).toHaveAttribute("data-status", "approved");
    await expect(page.getByTestId("locked-notice")).toBeVisible();
    await expect(page.getByTestId("edit-draft")).toHaveCount(0);
    await expect(page.getByTestId("sign-open")).toHaveCount(0);
    await expectNoViolations(page, "document page (approved)");

    const downloading = page.waitForEvent("download");
    await page.getByTestId("export-pdf").click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 4).toString("latin1")).toBe("%PDF");

    await page.getByTestId("new-version").click();
    await expect(panel).toHaveAttribute("data-version", "2");
    await expect(panel).toHaveAttribute("data-status", "draft");
    await page.getByTestId("edit-draft").click();
    const editor = page.getByTestId("draft-editor");
    await editor.locator("#pf-model").fill("KHS-700");
    await editor.locator("#pf-change-note").fill("Model corrected after the nameplate check.");
    await page.getByTestId("save-draft").click();
    await expect(page.getByTestId("version-notice")).toContainText("Draft saved");
    await expect(page.getByTestId("document-preview")).toContainText("KHS-700");

    await page.getByLabel("From version").selectOption("1");
    await page.getByLabel("To version").selectOption("2");
    await page.getByTestId("diff-compare").click();
    const result = page.getByTestId("diff-result");
    await expect(result.getByTestId("diff-fields")).toContainText("model");
    await expect(result.getByTestId("diff-fields")).toContainText("KHS-700");
    await expect(result.getByTestId("diff-text")).toContainText("+");
    await expectNoViolations(page, "document page with diff");
    await inDark(page);
    await expectNoViolations(page, "document page with diff (dark)");
  });

  test("a reviewer returns a submitted document for changes with a reason", async ({ page }) => {
    // Set up through the API: the author creates the shipped logbook example and signs it for review.
    const api = await apiAs(author);
    const inputs = JSON.parse(readFileSync(`${EXAMPLES}equipment_logbook.json`, "utf8")) as Record<string, unknown>;
    const created = await api.post("/api/v1/pharma/documents", { data: { type: "equipment_logbook", title: "E2E logbook to return", inputs } });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const signed = await api.post(`/api/v1/pharma/documents/${id}/versions/1/signatures`, { data: { meaning: "author", password: PASSWORD } });
    expect(signed.status(), await signed.text()).toBe(200);
    await api.dispose();

    await signIn(page, reviewer, `/documents/?id=${id}`);
    await expect(page.getByTestId("version-panel")).toHaveAttribute("data-status", "in_review");
    await page.getByTestId("reject-open").click();
    await page.getByLabel("Reason").fill("Entry of 2025-04-14 lacks the cleaning record reference.");
    await page.getByRole("dialog").getByRole("button", { name: "Return for changes" }).click();
    await expect(page.getByTestId("version-panel")).toHaveAttribute("data-status", "draft");
    await expect(page.getByTestId("version-panel")).toContainText("lacks the cleaning record reference");
  });

  test("the cleaning validation wizard shows live MACO limits", async ({ page }) => {
    await signIn(page, author, "/documents/?new=cleaning_validation_protocol");
    const form = page.getByTestId("new-document-form");
    await expect(form).toBeVisible();
    await form.locator("#pf-mbs_next").fill("200 kg");
    await form.locator("#pf-ldd_next").fill("1000 mg");
    await form.locator("#pf-tdd_prev").fill("50 mg");
    await form.locator("#pf-total_area").fill("25000 cm2");
    const panel = page.getByTestId("maco-panel");
    await expect(panel.getByTestId("maco-result")).toBeVisible();
    await expect(panel.getByTestId("maco-value")).toHaveText(/\d/);
    await expect(panel.getByTestId("maco-criterion").first()).toBeVisible();
    await expect(panel).toContainText("Swab limit");
    await expect(panel.getByText("Governing")).toHaveCount(1);
    await expectNoViolations(page, "cleaning validation wizard with MACO");
    await inDark(page);
    await expectNoViolations(page, "cleaning validation wizard with MACO (dark)");
  });
});
