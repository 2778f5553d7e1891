import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets two runs share a machine (each starts its own server and data dir).
const PORT = Number(process.env.E2E_PORT ?? 8765);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
/** Where `lumen up` writes its output during a run (relative to frontend/). */
export const SERVER_LOG = process.env.E2E_PORT ? `e2e/.server-${process.env.E2E_PORT}.log` : "e2e/.server.log";

// End-to-end tests run the real app: `lumen up` applies migrations and starts
// the API, a Celery worker and beat, serving the built UI from out/ (so run
// `npm run build` first). A fresh temp data dir per run keeps tests isolated;
// the admin the tests sign in as (e2e/session.ts ADMIN) is created in it first.
export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts", // e2e/*.test.ts are Vitest unit tests of the helpers
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1, // 2-core machine, and one server with one worker process
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["./e2e/plain-reporter.ts"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's chromium; Playwright's own browser downloads are not available offline.
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // Server logs go to a file (SERVER_LOG) rather than flooding the test output.
    // The set-up steps log to the same file, so a failed migration or admin shows up there too.
    command: [
      "cd ..",
      "export LUMEN_DATA_DIR=$(mktemp -d)",
      `(.venv/bin/lumen db upgrade && .venv/bin/lumen admin create --email admin@example.test --password 'admin-password-123') > frontend/${SERVER_LOG} 2>&1`,
      `.venv/bin/lumen up --host 127.0.0.1 --port ${PORT} >> frontend/${SERVER_LOG} 2>&1`,
    ].join(" && "),
    url: `http://127.0.0.1:${PORT}/api/v1/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "ignore",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
