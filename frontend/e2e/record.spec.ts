import { readFile } from "node:fs/promises";

import { expect, test, type Page } from "@playwright/test";

import { expectNoViolations } from "./axe";
import { registerUser, signIn, uniqueEmail } from "./session";

// One patient's whole journey through the encrypted record, in order: the steps depend on
// each other (the export must contain the medication, the erasure must remove it).

/** "YYYY-MM-DDTHH:MM" local, `days` ago: what a datetime-local input takes. */
function daysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

async function axe(page: Page, label: string) {
  // Move the pointer off any button: axe would otherwise judge a hover colour.
  await page.mouse.move(0, 0);
  await expectNoViolations(page, label);
}

async function openTab(page: Page, tab: "profile" | "symptoms" | "privacy") {
  await page.getByTestId(`record-tab-${tab}`).click();
  await expect(page).toHaveURL(new RegExp(`/record/\\?tab=${tab}$`));
  await expect(page.getByTestId("record-ready")).toBeVisible();
}

test.describe("patient record", () => {
  test.describe.configure({ timeout: 180_000 });

  test("profile, medicines, allergies, symptoms, consent, export and erasure", async ({ page, request }) => {
    const who = { email: uniqueEmail("record"), password: "record-password-123" };
    await registerUser(request, who);
    await signIn(page, who, "/record/");
    await expect(page.getByRole("heading", { level: 1, name: "My record" })).toBeVisible();
    await expect(page.getByTestId("record-ready")).toBeVisible();
    await expect(page.getByTestId("record-notice")).toContainText("encrypted");
    await axe(page, "record: profile (empty)");

    // --- Profile: a date of birth in the future is refused next to the field, then fixed.
    await page.getByLabel("Name").fill("Ada Patient");
    await page.getByLabel("Date of birth").fill("2999-01-01");
    await page.getByTestId("profile-save").click();
    const dob = page.getByLabel("Date of birth");
    await expect(dob).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#profile-date_of_birth-error")).toHaveText(/must not be in the future/);
    await expect(dob).toBeFocused();
    await axe(page, "record: profile with a field error");
    await dob.fill("1980-05-17");
    // A 422 from the server (checks the client does not repeat) lands next to its field too.
    await page.route("**/api/v1/record/profile", (route) =>
      route.request().method() === "PUT"
        ? route.fulfill({
            status: 422,
            json: {
              error: {
                code: "validation_error",
                message: "Invalid record data",
                details: [{ loc: ["body", "name"], msg: "Value error, name is not accepted", type: "value_error" }],
              },
            },
          })
        : route.fallback(),
    );
    await page.getByTestId("profile-save").click();
    await expect(page.locator("#profile-name-error")).toHaveText("Name is not accepted.");
    await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
    await page.unroute("**/api/v1/record/profile");
    await expect(page.locator("#profile-date_of_birth-error")).toHaveCount(0);
    await page.getByLabel("Sex").selectOption("female");
    await page.getByLabel("Conditions").fill("Asthma");
    await page.getByLabel("Conditions").press("Enter");
    await expect(page.getByTestId("profile-conditions-chips")).toContainText("Asthma");
    const saved = page.waitForResponse((r) => r.url().endsWith("/api/v1/record/profile") && r.request().method() === "PUT");
    await page.getByTestId("profile-save").click();
    expect((await saved).status()).toBe(200);
    await expect(page.getByTestId("profile-saved")).toBeVisible();

    // --- A medication, with a name suggested by the drug catalogue.
    await page.getByLabel("Medicine", { exact: true }).fill("warfa");
    await expect(page.locator("#med-suggestions option").first()).toHaveAttribute("value", /warfarin/i);
    await page.getByLabel("Medicine", { exact: true }).fill("Warfarin");
    await page.getByLabel("Dose").fill("5 mg");
    await page.getByLabel("Times a day").fill("2");
    await page.getByLabel("At (optional)").fill("08:00");
    await page.getByTestId("med-submit").click();
    // One time for two doses: refused before anything is sent.
    await expect(page.locator("#med-times-of-day-error")).toHaveText(/one time per dose/);
    await page.getByLabel("At (optional)").fill("08:00, 20:00");
    await page.getByTestId("med-submit").click();
    await expect(page.getByTestId("medication-row")).toHaveCount(1);
    await expect(page.getByTestId("medication-row")).toContainText("Warfarin");
    await expect(page.getByTestId("medication-row")).toContainText("twice a day at 08:00, 20:00");

    // Edit it in a dialog: a new dose.
    await page.getByRole("button", { name: "Edit Warfarin" }).click();
    const edit = page.getByRole("dialog");
    await expect(edit.getByLabel("Dose")).toHaveValue("5 mg");
    await axe(page, "record: edit medication dialog");
    await edit.getByLabel("Dose").fill("7.5 mg");
    await edit.getByTestId("med-edit-submit").click();
    await expect(edit).toBeHidden();
    await expect(page.getByTestId("medication-row")).toContainText("7.5 mg");

    // --- An allergy.
    await page.getByLabel("Allergic to").fill("Penicillin");
    await page.getByLabel("Severity").selectOption("severe");
    await page.getByLabel("Reaction (optional)").fill("Hives");
    await page.getByTestId("allergy-submit").click();
    await expect(page.getByTestId("allergy-row")).toContainText("Penicillin");
    await expect(page.getByTestId("allergy-row")).toContainText("Severe");
    await page.getByRole("button", { name: "Edit Penicillin" }).click();
    const editAllergy = page.getByRole("dialog");
    await editAllergy.getByLabel("Severity").selectOption("life_threatening");
    await editAllergy.getByTestId("allergy-edit-submit").click();
    await expect(editAllergy).toBeHidden();
    await expect(page.getByTestId("allergy-row")).toContainText("Life-threatening");

    // Everything survives a reload (it came back from the server, decrypted).
    await page.reload();
    await expect(page.getByTestId("record-ready")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveValue("Ada Patient");
    await expect(page.getByLabel("Date of birth")).toHaveValue("1980-05-17");
    await expect(page.getByTestId("medication-row")).toContainText("Warfarin");
    await expect(page.getByTestId("allergy-row")).toContainText("Penicillin");
    await axe(page, "record: profile (filled)");

    // --- Symptom log: three entries, newest first, and a chart with three points.
    await openTab(page, "symptoms");
    await axe(page, "record: symptoms (empty)");
    const form = page.getByTestId("symptom-form");
    for (const [days, severity] of [[3, "3"], [1, "8"], [2, "6"]] as const) {
      await form.getByLabel("Symptom", { exact: true }).fill("Headache");
      await form.getByLabel("Severity").selectOption(severity);
      await form.getByLabel("When").fill(daysAgo(days));
      await form.getByTestId("symptom-add").click();
      await expect(form.getByTestId("symptom-add")).toHaveText(/Log symptom/);
    }
    await expect(page.getByTestId("symptom-row")).toHaveCount(3);
    await expect(page.getByTestId("symptom-row").first()).toContainText("severity 8 of 10");
    await expect(page.getByTestId("symptom-row").last()).toContainText("severity 3 of 10");
    const chart = page.getByTestId("symptom-chart");
    await expect(chart).toHaveCount(1);
    await expect(chart.getByTestId("chart-point")).toHaveCount(3);
    // Oldest to newest, left to right.
    const severities = await chart.getByTestId("chart-point").evaluateAll((els) => els.map((e) => e.getAttribute("data-severity")));
    expect(severities).toEqual(["3", "6", "8"]);
    await expect(chart.getByRole("img")).toHaveAccessibleName(/Headache: 3 entries, latest severity 8 of 10/);
    await chart.getByText("Show values for Headache").click();
    await expect(chart.getByRole("table").getByRole("row")).toHaveCount(4);
    await axe(page, "record: symptoms with a chart");

    // --- Privacy: a consent switch, saved and time-stamped.
    await openTab(page, "privacy");
    await axe(page, "record: privacy");
    const personalise = page.getByRole("switch", { name: "Personalise answers with my record" });
    await expect(personalise).toHaveAttribute("aria-checked", "false");
    await personalise.click();
    await expect(personalise).toHaveAttribute("aria-checked", "true");
    await expect(page.getByTestId("consent-personalise_answers-at")).toContainText("Given");
    await page.reload();
    await expect(page.getByRole("switch", { name: "Personalise answers with my record" })).toHaveAttribute("aria-checked", "true");

    // --- Export: the job runs on the worker, then the JSON downloads with the medication in it.
    await page.getByTestId("export-start").click();
    await expect(page.getByTestId("export-job")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
    // Coming back later picks the finished export up again.
    await page.reload();
    await expect(page.getByTestId("export-download")).toBeVisible();
    const downloading = page.waitForEvent("download");
    await page.getByTestId("export-download").click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^lumen-record-.*\.json$/);
    const exported = JSON.parse(await readFile(await download.path(), "utf8")) as {
      account: { email: string };
      medications: { name: string; dose: string }[];
      allergies: { substance: string }[];
      symptoms: unknown[];
      consents: { personalise_answers: boolean };
    };
    expect(exported.account.email).toBe(who.email);
    expect(exported.medications.map((m) => [m.name, m.dose])).toEqual([["Warfarin", "7.5 mg"]]);
    expect(exported.allergies.map((a) => a.substance)).toEqual(["Penicillin"]);
    expect(exported.symptoms).toHaveLength(3);
    expect(exported.consents.personalise_answers).toBe(true);

    // --- Erasure: the dialog needs the typed phrase; afterwards the record is empty.
    await page.getByTestId("record-delete").click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toBeVisible();
    const confirm = dialog.getByTestId("record-delete-confirm");
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/to confirm/).fill("delete");
    await expect(confirm).toBeDisabled();
    await axe(page, "record: erase dialog");
    await dialog.getByLabel(/to confirm/).fill("delete my record");
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("record-erased")).toBeVisible();
    await expect(page.getByRole("switch", { name: "Personalise answers with my record" })).toHaveAttribute("aria-checked", "false");
    await expect(page.getByTestId("export-download")).toHaveCount(0);

    await openTab(page, "profile");
    await expect(page.getByLabel("Name")).toHaveValue("");
    await expect(page.getByTestId("medication-row")).toHaveCount(0);
    await expect(page.getByTestId("allergy-row")).toHaveCount(0);
    await openTab(page, "symptoms");
    await expect(page.getByTestId("symptom-row")).toHaveCount(0);

    // --- Account deletion: the password again; then signed out and unable to sign in.
    await openTab(page, "privacy");
    await page.getByTestId("account-delete").click();
    const gone = page.getByRole("alertdialog");
    await gone.getByLabel("Password").fill("not-my-password");
    await gone.getByTestId("account-delete-confirm").click();
    await expect(gone.getByText("The account was not deleted")).toBeVisible();
    await axe(page, "record: delete account dialog with an error");
    await gone.getByLabel("Password").fill(who.password);
    await gone.getByTestId("account-delete-confirm").click();
    await expect(page).toHaveURL(/\/sign-in\//);
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(who.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "email or password is not right" })).toBeVisible();
  });
});
