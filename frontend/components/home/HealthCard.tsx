"use client";

import { CheckCircle2Icon, CircleDashedIcon, XCircleIcon } from "lucide-react";

import { ErrorState, LoadingState } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getHealth } from "@/lib/api/health";
import type { HealthCheck } from "@/lib/api/types";
import { usePolling } from "@/lib/hooks/usePolling";

const CHECK_LABELS: Record<string, string> = {
  database: "Database",
  broker: "Job broker",
  vector_store: "Vector store",
  model: "Language model",
};

function CheckIcon({ status }: { status: HealthCheck["status"] }) {
  if (status === "ok") return <CheckCircle2Icon className="size-4 text-emerald-700 dark:text-emerald-400" aria-hidden="true" />;
  if (status === "error") return <XCircleIcon className="size-4 text-red-700 dark:text-red-400" aria-hidden="true" />;
  return <CircleDashedIcon className="size-4 text-muted-foreground" aria-hidden="true" />;
}

const CHECK_TEXT: Record<HealthCheck["status"], string> = {
  ok: "OK",
  error: "Error",
  not_configured: "Not configured",
};

/** Live API health from GET /api/v1/health, refreshed every 15 s. */
export function HealthCard() {
  const { data, error, loading, refresh } = usePolling(getHealth, { key: "health", interval: () => 15000 });

  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between gap-2">
        <div>
          <CardTitle id="health-title">System health</CardTitle>
          <CardDescription>
            {data ? `API ${data.version} · ${data.environment}` : "Status of the API and the services it uses"}
          </CardDescription>
        </div>
        {data && (
          <Badge tone={data.status === "ok" ? "success" : "warning"} data-testid="health-status">
            {data.status === "ok" ? "All systems OK" : "Degraded"}
          </Badge>
        )}
      </CardHeader>
      <CardContent>
        {loading && <LoadingState label="Checking API health…" className="py-2" />}
        {!loading && error && !data && <ErrorState error={error} title="API unreachable" onRetry={refresh} />}
        {data && (
          <ul className="grid gap-2 sm:grid-cols-2">
            {Object.entries(data.checks).map(([name, check]) =>
              check ? (
                <li key={name} className="flex items-start gap-2 rounded-md border p-2.5 text-sm">
                  <span className="mt-0.5">
                    <CheckIcon status={check.status} />
                  </span>
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-baseline justify-between gap-x-2">
                      <span className="font-medium">{CHECK_LABELS[name] ?? name}</span>
                      <span className="text-xs text-muted-foreground">
                        {CHECK_TEXT[check.status] ?? check.status}
                        {check.latency_ms != null && ` · ${check.latency_ms.toFixed(0)} ms`}
                      </span>
                    </div>
                    {check.detail && <p className="mt-0.5 break-words text-xs text-muted-foreground">{check.detail}</p>}
                  </div>
                </li>
              ) : null,
            )}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
