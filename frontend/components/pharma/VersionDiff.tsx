"use client";

import { useState } from "react";

import { ErrorState, LoadingState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { diffVersions } from "@/lib/api/pharma";
import { displayValue } from "@/lib/pharma";
import { cn } from "@/lib/utils";

import { useLoad } from "./useLoad";

function lineClass(line: string): string {
  if (line.startsWith("+++") || line.startsWith("---")) return "text-muted-foreground";
  if (line.startsWith("+")) return "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100";
  if (line.startsWith("-")) return "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100";
  if (line.startsWith("@@")) return "text-blue-800 dark:text-blue-200";
  return "";
}

/** Compare two versions: the inputs that changed, then the unified diff of the rendered text. */
export function VersionDiff({ documentId, numbers }: { documentId: string; numbers: number[] }) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const [from, setFrom] = useState(sorted[sorted.length - 2] ?? 1);
  const [to, setTo] = useState(sorted[sorted.length - 1] ?? 1);
  const [asked, setAsked] = useState<{ from: number; to: number } | null>(null);
  const diff = useLoad(asked ? `${documentId}:${asked.from}:${asked.to}` : null, () => diffVersions(documentId, asked!.from, asked!.to));

  if (sorted.length < 2) return <p className="text-sm text-muted-foreground">There is only one version so far.</p>;
  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        aria-label="Choose versions to compare"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked({ from, to });
        }}
      >
        <div className="grid gap-1.5">
          <Label htmlFor="diff-from">From version</Label>
          <NativeSelect id="diff-from" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {sorted.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="diff-to">To version</Label>
          <NativeSelect id="diff-to" value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {sorted.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit" variant="outline" data-testid="diff-compare">
          Compare
        </Button>
      </form>
      {diff.error ? (
        <ErrorState error={diff.error} onRetry={diff.reload} />
      ) : diff.loading ? (
        <LoadingState label="Comparing…" />
      ) : diff.data ? (
        <div className="space-y-4" data-testid="diff-result">
          <h3 className="font-medium">
            Changed inputs, version {diff.data.from_number} → {diff.data.to_number}
          </h3>
          {diff.data.fields.length === 0 ? (
            <p className="text-sm text-muted-foreground">No inputs changed.</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border">
              <table className="w-full text-sm" data-testid="diff-fields">
                <thead className="bg-muted/50 text-left">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">Field</th>
                    <th scope="col" className="px-3 py-2 font-medium">Before</th>
                    <th scope="col" className="px-3 py-2 font-medium">After</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.data.fields.map((f) => (
                    <tr key={f.field} className="border-t align-top">
                      <td className="px-3 py-2 font-mono text-xs">{f.field}</td>
                      <td className="px-3 py-2 break-words">{displayValue(f.before)}</td>
                      <td className="px-3 py-2 break-words">{displayValue(f.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3 className="font-medium">Document text</h3>
          <pre
            // Scrollable, so it must be keyboard-reachable (axe "scrollable-region-focusable").
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above
            tabIndex={0}
            className="max-h-[32rem] overflow-auto rounded-lg border p-2 text-xs outline-none focus-visible:ring-2 focus-visible:ring-ring"
            data-testid="diff-text"
            aria-label="Unified diff of the document text"
          >
            {diff.data.markdown_diff
              ? diff.data.markdown_diff.split("\n").map((line, i) => (
                  <div key={i} className={cn("whitespace-pre-wrap", lineClass(line))}>
                    {line || " "}
                  </div>
                ))
              : "The rendered text is the same."}
          </pre>
        </div>
      ) : null}
    </div>
  );
}
