// Fail when lib/api/schema.d.ts is stale: regenerate it from openapi.json into
// a temp file with the same CLI as `npm run gen:api` and compare byte for byte.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const spec = join(root, "openapi.json");
const committed = join(root, "lib/api/schema.d.ts");
const cli = join(root, "node_modules/.bin/openapi-typescript");

if (!existsSync(spec)) {
  console.error("check:api: frontend/openapi.json is missing. Generate it with:");
  console.error("  .venv/bin/python -m backend.openapi frontend/openapi.json");
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), "lumen-api-"));
try {
  const fresh = join(dir, "schema.d.ts");
  execFileSync(cli, [spec, "-o", fresh], { cwd: root, stdio: "pipe" });
  const want = readFileSync(fresh, "utf8");
  const have = existsSync(committed) ? readFileSync(committed, "utf8") : "";
  if (want !== have) {
    console.error("check:api: lib/api/schema.d.ts is out of date with openapi.json.");
    console.error("  Run `npm run gen:api` in frontend/, check that the UI still type-checks, and commit the result.");
    process.exit(1);
  }
  console.log("check:api: lib/api/schema.d.ts matches openapi.json.");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
