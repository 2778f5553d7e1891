import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/**
 * Prints one closing line CI can read in any language: "e2e: N passed, N failed"
 * (", N skipped" when some were skipped). Counts each test's final outcome, so a
 * retried test counts once.
 */
class PlainReporter implements Reporter {
  private outcomes = new Map<string, TestResult["status"]>();

  onTestEnd(test: TestCase, result: TestResult): void {
    this.outcomes.set(test.id, result.status);
  }

  onEnd(result: FullResult): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const status of this.outcomes.values()) {
      if (status === "passed") passed++;
      else if (status === "skipped") skipped++;
      else failed++; // failed, timedOut, interrupted
    }
    // A run can break before any test (e.g. the web server never came up): say so, as
    // "0 passed, 0 failed" alone would look harmless. The exit code is non-zero either way.
    if (result.status !== "passed" && failed === 0) {
      process.stdout.write(`\ne2e: run ended with status "${result.status}" outside the tests\n`);
    }
    if (failed > 0 || result.status !== "passed") {
      process.stdout.write("\nServer output of this run: frontend/e2e/.server.log\n");
    }
    process.stdout.write(`\ne2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}

export default PlainReporter;
