import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// WCAG 2.0–2.2 A/AA plus axe's best practices. We assert no violations at all,
// which is stricter than "no serious or critical ones".
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** The page's axe violations, one line each ("" when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map(
    (v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
}

export async function expectNoViolations(page: Page, label = "") {
  const summary = await axeViolations(page);
  expect(summary, `${label}\n${summary.join("\n")}`).toEqual([]);
}
