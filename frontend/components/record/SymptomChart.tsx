"use client";

import { useId } from "react";

import type { Symptom } from "@/lib/api/record";
import { formatDateTime } from "@/lib/format";
import { type ChartBox, type SymptomSeries, chartPoints, linePath, seriesSummary } from "@/lib/record";

const BOX: ChartBox = { width: 480, height: 160, left: 28, right: 12, top: 10, bottom: 22 };
const GRID = [0, 5, 10];

function shortDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: "numeric", month: "short" });
}

/**
 * Severity over time for one symptom, hand-drawn in SVG. The SVG is one image with a
 * summary as its name; the exact values are in a table (hidden behind "Show values") so
 * screen-reader and keyboard users get the same data as the picture.
 */
export function SymptomChart({ series }: { series: SymptomSeries<Symptom> }) {
  const titleId = useId();
  const points = chartPoints(series.entries, BOX);
  const y = (sev: number) => BOX.height - BOX.bottom - (sev / 10) * (BOX.height - BOX.top - BOX.bottom);
  const first = series.entries[0];
  const last = series.entries[series.entries.length - 1];
  if (!first || !last) return null;
  const summary = seriesSummary(series);

  return (
    <figure className="rounded-lg border p-3" data-testid="symptom-chart" data-symptom={series.key}>
      <figcaption id={titleId} className="mb-2 text-sm font-medium">
        {series.label}
        <span className="ml-2 font-normal text-muted-foreground">{summary.slice(series.label.length + 2)}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-label={`Chart of ${summary}`}
        className="h-auto w-full text-primary"
        preserveAspectRatio="xMidYMid meet"
      >
        {GRID.map((g) => (
          <g key={g} className="text-muted-foreground">
            <line x1={BOX.left} x2={BOX.width - BOX.right} y1={y(g)} y2={y(g)} stroke="currentColor" strokeOpacity={0.25} />
            <text x={BOX.left - 6} y={y(g) + 4} textAnchor="end" fontSize="11" fill="currentColor">
              {g}
            </text>
          </g>
        ))}
        <text x={BOX.left} y={BOX.height - 4} fontSize="11" className="fill-muted-foreground">
          {shortDate(first.occurred_at)}
        </text>
        {series.entries.length > 1 && (
          <text x={BOX.width - BOX.right} y={BOX.height - 4} fontSize="11" textAnchor="end" className="fill-muted-foreground">
            {shortDate(last.occurred_at)}
          </text>
        )}
        <path d={linePath(points)} fill="none" stroke="currentColor" strokeWidth={2} strokeLinejoin="round" />
        {points.map((p) => (
          <circle
            key={p.entry.id}
            cx={p.x}
            cy={p.y}
            r={4}
            fill="currentColor"
            data-testid="chart-point"
            data-severity={p.entry.severity}
          >
            {/* A hover tooltip for mouse users; the table below carries the same values for everyone. */}
            <title>{`${formatDateTime(p.entry.occurred_at)}: ${p.entry.severity} of 10`}</title>
          </circle>
        ))}
      </svg>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer rounded text-primary outline-none focus-visible:ring-2 focus-visible:ring-ring">
          Show values for {series.label}
        </summary>
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">Severity of {series.label} over time, oldest first</caption>
          <thead>
            <tr className="border-b">
              <th scope="col" className="py-1 pr-3 font-medium">
                When
              </th>
              <th scope="col" className="py-1 font-medium">
                Severity (0–10)
              </th>
            </tr>
          </thead>
          <tbody>
            {series.entries.map((e) => (
              <tr key={e.id} className="border-b last:border-0">
                <td className="py-1 pr-3">{formatDateTime(e.occurred_at)}</td>
                <td className="py-1 tabular-nums">{e.severity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
