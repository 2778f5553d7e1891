import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";

// Static export: FastAPI serves out/ on the same origin as the API, so there is
// no Node server in production and every API call is a relative /api/v1/... URL.
const exportConfig: NextConfig = {
  output: "export",
  trailingSlash: true,
  images: { unoptimized: true },
  poweredByHeader: false,
};

export default function config(phase: string): NextConfig {
  if (phase !== PHASE_DEVELOPMENT_SERVER) return exportConfig;
  // `npm run dev` only: hot reload on :3000, with /api proxied to a running
  // `lumen serve` (LUMEN_API_URL, default :8000) so relative URLs still work.
  const api = process.env.LUMEN_API_URL ?? "http://127.0.0.1:8000";
  return {
    trailingSlash: true,
    // Otherwise /api/v1/health is redirected to /api/v1/health/, which FastAPI does not route.
    skipTrailingSlashRedirect: true,
    images: { unoptimized: true },
    rewrites: async () => [{ source: "/api/:path*", destination: `${api}/api/:path*` }],
  };
}
