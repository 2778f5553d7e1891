"use client";

import { CalculatorIcon } from "lucide-react";
import { useEffect, useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { computeMaco, type MacoResult, type MacoStep } from "@/lib/api/pharma";
import { ApiError, toApiError } from "@/lib/api/errors";
import { useDebounced } from "@/lib/hooks/useDebounced";
import { fieldErrorMap, macoBody, type FormState } from "@/lib/pharma";
import { cn } from "@/lib/utils";

function Steps({ steps }: { steps: MacoStep[] }) {
  if (!steps.length) return null;
  return (
    <details className="mt-2 text-xs">
      <summary className="cursor-pointer text-muted-foreground">Calculation steps</summary>
      <ol className="mt-1 space-y-1.5">
        {steps.map((s, i) => (
          <li key={i}>
            <span className="font-medium">{s.label}</span>
            <div className="font-mono">{s.formula}</div>
            <div className="font-mono text-muted-foreground">
              {s.substitution} = {s.result}
            </div>
          </li>
        ))}
      </ol>
    </details>
  );
}

function Limit({ label, value }: { label: string; value?: { text: string } | null }) {
  if (!value) return null;
  return (
    <div className="flex justify-between gap-2">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium">{value.text}</dd>
    </div>
  );
}

function Result({ result }: { result: MacoResult }) {
  return (
    <div className="space-y-3 text-sm" data-testid="maco-result">
      <p>
        MACO <span className="text-lg font-semibold" data-testid="maco-value">{result.maco.text}</span> ({result.governing})
      </p>
      <ul className="space-y-2">
        {result.criteria.map((c) => {
          const governing = c.criterion === result.governing;
          return (
            <li
              key={c.criterion}
              data-testid="maco-criterion"
              className={cn("rounded-md border p-2", governing && "border-emerald-500 bg-emerald-50 dark:bg-emerald-950/50")}
            >
              <div className="flex flex-wrap items-center justify-between gap-1">
                <span className="font-medium">{c.criterion}</span>
                {governing && <Badge tone="success">Governing</Badge>}
              </div>
              <div>{c.maco.text}</div>
              <div className="text-xs text-muted-foreground">{c.basis}</div>
              <Steps steps={c.steps} />
            </li>
          );
        })}
      </ul>
      {result.sampling && (
        <div className="rounded-md border p-2">
          <h3 className="font-medium">Sampling limits</h3>
          <dl className="mt-1 space-y-0.5">
            <Limit label="Surface limit" value={result.sampling.surface_limit} />
            <Limit label="Calculated surface limit" value={result.sampling.calculated_surface_limit} />
            <Limit label="Swab limit" value={result.sampling.swab_limit} />
            <Limit label="Rinse limit" value={result.sampling.rinse_limit} />
            <Limit label="Visual limit" value={result.sampling.visual_limit} />
          </dl>
          {result.sampling.note && <p className="mt-1 text-xs text-muted-foreground">{result.sampling.note}</p>}
          <Steps steps={result.sampling.steps} />
        </div>
      )}
    </div>
  );
}

/** Live MACO for a cleaning validation protocol: recomputed on the server as the user types. */
export function MacoPanel({ state }: { state: FormState }) {
  const body = macoBody(state);
  const key = useDebounced(body ? JSON.stringify(body) : "", 500);
  const [answer, setAnswer] = useState<{ key: string; result?: MacoResult; error?: ApiError }>({ key: "" });

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    computeMaco(JSON.parse(key), controller.signal).then(
      (result) => setAnswer({ key, result }),
      (e: unknown) => {
        if (!controller.signal.aborted) setAnswer({ key, error: toApiError(e) });
      },
    );
    return () => controller.abort();
  }, [key]);

  const current = answer.key === key ? answer : null;
  const problems = current?.error ? Object.entries(fieldErrorMap(current.error.details)) : [];
  return (
    <Card data-testid="maco-panel">
      <CardHeader>
        <CardTitle as="h2" className="flex items-center gap-2 text-base">
          <CalculatorIcon className="size-4" aria-hidden="true" /> MACO calculator
        </CardTitle>
      </CardHeader>
      <CardContent aria-live="polite">
        {!key ? (
          <p className="text-sm text-muted-foreground">
            Enter the minimum batch size and largest daily dose of the next product, and the previous product&apos;s dose, PDE or toxicity data, to see
            the maximum allowable carry-over.
          </p>
        ) : !current ? (
          <p className="text-sm text-muted-foreground">Calculating…</p>
        ) : current.error ? (
          <div role="alert" className="text-sm text-red-800 dark:text-red-200" data-testid="maco-error">
            <p>{current.error.message}</p>
            <ul className="list-disc pl-5">
              {problems.map(([f, m]) => (
                <li key={f}>
                  {f}: {m}
                </li>
              ))}
            </ul>
          </div>
        ) : current.result ? (
          <Result result={current.result} />
        ) : null}
      </CardContent>
    </Card>
  );
}
