import { expect, test, type Page } from "@playwright/test";

import { expectNoViolations } from "./axe";
import { BASE_URL } from "../playwright.config";
import { registerUser, signIn, uniqueEmail } from "./session";
import { request as playwrightRequest } from "@playwright/test";

// The drug catalogue and interaction rules are the real seed data the server
// loads (data/seed/drugs, data/seed/interactions), so these checks also catch
// a missing curated drug or rule.

/** Type a drug into the checker and press Enter: adds what was typed as a chip. */
async function addDrug(page: Page, name: string) {
  const input = page.getByRole("combobox", { name: "Medicine name" });
  await input.fill(name);
  await input.press("Enter");
  await expect(page.getByTestId("drug-chips").getByText(name, { exact: true })).toBeVisible();
  await expect(input).toHaveValue("");
}

async function check(page: Page) {
  const done = page.waitForResponse((r) => r.url().endsWith("/api/v1/interactions/check") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Check", exact: true }).click();
  expect((await done).status()).toBe(200);
  await expect(page.getByTestId("interaction-results")).toBeVisible();
  // Move the pointer off the button: axe would otherwise judge the primary button's hover colour.
  await page.mouse.move(0, 0);
}

test.describe("medicines", () => {
  test("search by brand name, open the drug page and read its sections and sources", async ({ page }) => {
    await signIn(page, undefined, "/medicines/");
    await expect(page.getByRole("heading", { level: 1, name: "Medicines" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Check interactions" })).toBeVisible();

    await page.getByLabel("Search medicines").fill("advil");
    const result = page.getByTestId("drug-result").filter({ hasText: /^Ibuprofen/ });
    await expect(result).toBeVisible();
    await expect(result).toContainText("matches “advil”");
    await expect(page).toHaveURL(/\/medicines\/\?q=advil$/);
    await expectNoViolations(page, "medicines search results");

    await result.click();
    await expect(page).toHaveURL(/\/drugs\/\?id=[A-Z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 1, name: "Ibuprofen" })).toBeVisible();
    const main = page.getByRole("main");
    for (const heading of ["What it is used for", "Side effects", "Who should not take it", "Pregnancy and breastfeeding", "Where it is available", "Other names", "Identity", "Sources"]) {
      await expect(main.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
    }
    await expect(main.getByTestId("serious-side-effects")).toContainText("bleeding");
    await expect(main.getByTestId("drug-uses").getByTestId("section-sources").getByRole("link").first()).toHaveAttribute("href", /^https:\/\//);
    expect(await main.getByTestId("drug-source").count()).toBeGreaterThan(1);
    await expect(main.getByTestId("disclaimer")).toContainText("not medical advice");
    await expect(main.getByTestId("drug-identity")).toContainText("HEFNNWSXXWATRW-UHFFFAOYSA-N");
    // Brand names come first in the names list.
    await expect(main.getByTestId("drug-names").getByRole("listitem").first()).toHaveAttribute("data-kind", "brand");
    await expectNoViolations(page, "ibuprofen drug page");

    // Back to the same search.
    await page.goBack();
    await expect(page.getByLabel("Search medicines")).toHaveValue("advil");
    await expect(result).toBeVisible();
  });

  test("an uncurated drug says we hold identity data only; an unknown id says not found", async ({ page }) => {
    await signIn(page, undefined, "/medicines/");
    await page.getByLabel("Search medicines").fill("pheniramine");
    const result = page.getByTestId("drug-result").filter({ hasText: "Identity data only" }).first();
    await expect(result).toBeVisible();
    await result.click();
    await expect(page.getByTestId("identity-only")).toContainText("We hold identity data only");
    await expect(page.getByRole("heading", { level: 2, name: "Side effects" })).toHaveCount(0);
    await expect(page.getByTestId("disclaimer")).toBeVisible();

    await page.goto("/drugs/?id=NOSUCHKEY-XXXXXXXXXX-N");
    await expect(page.getByRole("heading", { level: 1, name: "Medicine not found" })).toBeVisible();
  });

  test("interaction checker: warfarin brand + ibuprofen brand gives a major bleeding finding", async ({ page }) => {
    await signIn(page, undefined, "/interactions/");
    await expect(page.getByRole("heading", { level: 1, name: "Interaction checker" })).toBeVisible();
    await expect(page.getByTestId("disclaimer")).toBeVisible();

    // One drug and no profile: said before anything is sent.
    await addDrug(page, "Coumadin");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await expect(page.getByTestId("form-error")).toContainText("second medicine");

    // Suggestions: pick one with the keyboard.
    const input = page.getByRole("combobox", { name: "Medicine name" });
    await input.fill("advi");
    await expect(page.getByRole("listbox").getByRole("option", { name: /^Ibuprofen/ })).toBeVisible();
    await input.fill("");
    await addDrug(page, "Advil");
    await expect(page.getByTestId("form-error")).toHaveCount(0);

    await check(page);
    await expect(page.getByTestId("interaction-results")).toHaveAttribute("data-highest", /contraindicated|major/);
    const major = page.getByTestId("severity-group-major");
    await expect(major.getByRole("heading", { name: /Major/ })).toBeVisible();
    const finding = major.getByTestId("finding").first();
    await expect(finding).toContainText("Warfarin + Ibuprofen");
    await expect(finding.getByTestId("finding-mechanism")).toContainText(/bleeding/i);
    await expect(finding.getByTestId("finding-advice")).not.toBeEmpty();
    await expect(finding.getByTestId("finding-source")).not.toBeEmpty();
    await expect(page.getByTestId("checker-announcement")).toContainText("Check complete");
    await expect(page.getByTestId("disclaimer")).toContainText("not medical advice");
    await expectNoViolations(page, "interaction results (major)");

    // Removing a chip marks the results as out of date.
    await page.getByRole("button", { name: "Remove Advil" }).click();
    await expect(page.getByTestId("results-stale")).toBeVisible();
  });

  test("interaction checker: a misspelt statin with clarithromycin is contraindicated and says how it read the name", async ({ page }) => {
    await signIn(page, undefined, "/interactions/");
    await addDrug(page, "simvastatn");
    await addDrug(page, "clarithromycin");
    await check(page);
    const group = page.getByTestId("severity-group-contraindicated");
    await expect(group.getByRole("heading", { name: /Contraindicated/ })).toBeVisible();
    await expect(group.getByTestId("finding").first()).toContainText("Simvastatin + Clarithromycin");
    await expect(page.getByTestId("checked-drugs")).toContainText("Interpreted “simvastatn” as Simvastatin.");
    await expectNoViolations(page, "interaction results (contraindicated)");
  });

  test("interaction checker: a penicillin allergy flags amoxicillin; unknown and ambiguous names are explained", async ({ page }) => {
    await signIn(page, undefined, "/interactions/");
    await addDrug(page, "amoxicillin");
    await addDrug(page, "paracetamol");

    const toggle = page.getByRole("button", { name: "Add my allergies and conditions" });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const allergies = page.getByLabel("Allergies");
    await allergies.fill("penicillin");
    await allergies.press("Enter");
    await expect(page.getByTestId("profile-allergies-chips")).toContainText("penicillin");

    await check(page);
    const allergy = page.getByTestId("finding").and(page.locator('[data-kind="drug-allergy"]'));
    await expect(allergy.first()).toBeVisible();
    await expect(allergy.first()).toContainText("Amoxicillin and Penicillin allergy");
    await expectNoViolations(page, "interaction results (allergy)");

    // Nothing between two unrelated drugs: the all-clear lists the pairs checked.
    await page.getByRole("button", { name: "Clear all" }).click();
    await addDrug(page, "paracetamol");
    await addDrug(page, "amlodipine");
    await addDrug(page, "xyzzyqq");
    await check(page);
    await expect(page.getByTestId("no-interactions")).toContainText("No known interactions found among these drugs");
    await expect(page.getByTestId("checked-pairs")).toContainText("Paracetamol + Amlodipine");
    await expect(page.locator('[data-testid="checked-drug"][data-status="unknown"]')).toContainText("not recognised");

    // An ambiguous name offers the candidates; picking one swaps it in and checks again.
    await addDrug(page, "sertra");
    await check(page);
    const ambiguous = page.locator('[data-testid="checked-drug"][data-status="ambiguous"]');
    await expect(ambiguous).toContainText("could mean more than one medicine");
    await expectNoViolations(page, "interaction results (unknown and ambiguous)");
    const rechecked = page.waitForResponse((r) => r.url().endsWith("/api/v1/interactions/check"));
    await ambiguous.getByRole("button", { name: /^Sertraline/ }).click();
    expect((await rechecked).status()).toBe(200);
    await expect(page.getByTestId("drug-chips").getByText("Sertraline", { exact: true })).toBeVisible();
    await expect(page.getByTestId("drug-chips").getByText("sertra", { exact: true })).toHaveCount(0);
    await expect(page.locator('[data-testid="checked-drug"][data-status="ambiguous"]')).toHaveCount(0);
    await expect(page.getByTestId("checked-drugs")).toContainText("Sertraline");
  });

  test("server validation errors are shown", async ({ page }) => {
    await signIn(page, undefined, "/interactions/");
    // Force a request the client would not send, to see the server's answer rendered.
    await page.route("**/api/v1/interactions/check", (route) =>
      route.fulfill({
        status: 422,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "invalid_request", message: "give between 2 and 20 drugs", details: null } }),
      }),
    );
    await addDrug(page, "warfarin");
    await addDrug(page, "aspirin");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("Could not check these medicines");
    await expect(alert).toContainText("give between 2 and 20 drugs");
  });

  test.describe("in dark mode", () => {
    test.use({ colorScheme: "dark" });
    test("the drug page and every kind of result have no axe violations", async ({ page }) => {
      await signIn(page, undefined, "/drugs/?id=HEFNNWSXXWATRW-UHFFFAOYSA-N");
      await expect(page.locator("html")).toHaveClass(/\bdark\b/);
      await expect(page.getByRole("heading", { level: 1, name: "Ibuprofen" })).toBeVisible();
      await page.getByRole("button", { name: /^Show all \d+ names$/ }).click();
      await expect(page.getByRole("button", { name: "Show fewer names" })).toHaveAttribute("aria-expanded", "true");
      await expectNoViolations(page, "drug page (dark)");

      // The drug page's button starts the checker with this drug on the list.
      await page.getByRole("link", { name: "Check Ibuprofen for interactions" }).click();
      await expect(page.getByTestId("drug-chips").getByText("ibuprofen", { exact: true })).toBeVisible();
      await addDrug(page, "warfarin");
      await addDrug(page, "simvastatin");
      await addDrug(page, "clarithromycin");
      await addDrug(page, "sertra");
      await page.getByRole("button", { name: "Add my allergies and conditions" }).click();
      const allergies = page.getByLabel("Allergies");
      await allergies.fill("aspirin");
      await allergies.press("Enter");
      await check(page);
      await expect(page.getByTestId("severity-group-contraindicated")).toBeVisible();
      await expect(page.getByTestId("severity-group-major")).toBeVisible();
      await expectNoViolations(page, "interaction results (dark)");
    });
  });

  test("the medicines pages need sign-in", async ({ page }) => {
    await page.goto("/interactions/");
    await expect(page).toHaveURL(/\/sign-in\/\?next=%2Finteractions%2F$/);
    await page.goto("/drugs/?id=HEFNNWSXXWATRW-UHFFFAOYSA-N");
    await expect(page).toHaveURL(/\/sign-in\/\?next=%2Fdrugs%2F%3Fid%3DHEFNNWSXXWATRW-UHFFFAOYSA-N$/);
  });
  test("interaction checker: a patient includes their saved record (with consent)", async ({ page }) => {
    const who = { email: uniqueEmail("record-check"), password: "patient-password-123" };
    const api = await playwrightRequest.newContext({ baseURL: BASE_URL });
    await registerUser(api, who);
    const login = await api.post("/api/v1/auth/login", { data: who });
    const auth = { Authorization: `Bearer ${((await login.json()) as { access_token: string }).access_token}` };
    const med = { name: "Warfarin", dose: "3 mg", schedule: { times_per_day: 1 }, start_date: "2024-01-01" };
    expect((await api.post("/api/v1/record/medications", { headers: auth, data: med })).status()).toBe(201);
    await api.dispose();

    await signIn(page, who, "/interactions/");
    const toggle = page.getByRole("switch", { name: "Include my record" });
    await toggle.click();
    await addDrug(page, "ibuprofen");
    // One medicine is enough with the record; without consent the server says what to do.
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Could not check" })).toContainText(/consent/i);

    const consent = await playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: auth });
    expect((await consent.put("/api/v1/record/consents", { data: { personalise_answers: true } })).status()).toBe(200);
    await consent.dispose();
    await check(page);
    await expect(page.getByTestId("severity-group-major").getByTestId("finding").first()).toContainText(/Ibuprofen \+ Warfarin|Warfarin \+ Ibuprofen/);
    await expectNoViolations(page, "interaction results with the saved record");
  });
});
