import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

// Unit tests cover pure helpers only (formatting, status mapping), so the
// plain Node environment is enough: no jsdom to install or start.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts"],
    environment: "node",
  },
});
