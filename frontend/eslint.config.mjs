import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";

// Next's recommended rules (React, hooks, Next) plus the strict jsx-a11y set:
// accessibility mistakes fail lint before they reach the axe tests.
const config = [
  ...nextVitals,
  ...nextTs,
  { rules: { ...jsxA11y.flatConfigs.strict.rules } },
  { ignores: [".next/**", "out/**", "node_modules/**", "lib/api/schema.d.ts", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
];

export default config;
