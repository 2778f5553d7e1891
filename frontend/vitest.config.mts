import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

// Unit tests cover pure helpers only (formatting, status mapping, the idle
// logoff timer with fake timers, the e2e TOTP helper), so the
// plain Node environment is enough: no jsdom to install or start.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "e2e/**/*.test.ts"],
    environment: "node",
  },
});
