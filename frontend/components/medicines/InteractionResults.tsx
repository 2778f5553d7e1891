"use client";

import { CircleCheckIcon, CircleHelpIcon, InfoIcon, TriangleAlertIcon } from "lucide-react";
import { forwardRef } from "react";

import { Button } from "@/components/ui/button";
import type { CheckedDrug, DrugCandidate, InteractionFinding, InteractionReport } from "@/lib/api/types";
import {
  displayName,
  findingKindLabel,
  findingTitle,
  groupFindings,
  pairLabel,
  resolutionNotes,
  severityLabel,
  severityMeaning,
} from "@/lib/medicines";
import { cn } from "@/lib/utils";

import { SEVERITY_STYLES, SeverityBadge } from "./severity";

function FindingCard({ finding }: { finding: InteractionFinding }) {
  const title = findingTitle(finding);
  return (
    <li
      data-testid="finding"
      data-severity={finding.severity}
      data-kind={finding.kind}
      className={cn("rounded-lg border border-l-4 bg-card p-4 text-card-foreground", SEVERITY_STYLES[finding.severity].accent)}
    >
      <article aria-label={`${severityLabel(finding.severity)}: ${title}`} className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h4 className="font-semibold">{title}</h4>
          <SeverityBadge severity={finding.severity} />
          <span className="text-xs text-muted-foreground">{findingKindLabel(finding.kind)}</span>
        </div>
        <dl className="grid gap-2 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
          <dt className="font-medium text-muted-foreground">Why</dt>
          <dd data-testid="finding-mechanism">{finding.mechanism}</dd>
          <dt className="font-medium text-muted-foreground">What to do</dt>
          <dd data-testid="finding-advice" className="font-medium">
            {finding.advice}
          </dd>
          <dt className="font-medium text-muted-foreground">Source</dt>
          <dd data-testid="finding-source" className="text-muted-foreground">
            {finding.source}
          </dd>
        </dl>
      </article>
    </li>
  );
}

function CheckedDrugRow({
  drug,
  onPick,
  busy,
}: {
  drug: CheckedDrug;
  onPick: (drug: CheckedDrug, candidate: DrugCandidate) => void;
  busy: boolean;
}) {
  const notes = resolutionNotes(drug);
  const name = drug.name ? displayName(drug.name) : null;
  const recognised = drug.status === "exact" || drug.status === "corrected";
  const Icon = recognised ? (drug.covered ? CircleCheckIcon : InfoIcon) : drug.status === "ambiguous" ? CircleHelpIcon : TriangleAlertIcon;
  return (
    <li data-testid="checked-drug" data-status={drug.status} data-covered={drug.covered} className="space-y-1.5 py-2.5">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Icon
          className={cn(
            "size-4 shrink-0",
            recognised && drug.covered ? "text-emerald-700 dark:text-emerald-400" : "text-amber-700 dark:text-amber-400",
          )}
          aria-hidden="true"
        />
        <span className="font-medium">{drug.query}</span>
        {name && name.toLowerCase() !== drug.query.toLowerCase() && <span className="text-muted-foreground">→ {name}</span>}
        {drug.origin === "profile" && <span className="text-xs text-muted-foreground">(from your other medicines)</span>}
      </div>
      {notes.map((n) => (
        <p
          key={n.text}
          data-testid="drug-note"
          className={cn("pl-6 text-sm", n.tone === "warning" ? "text-amber-900 dark:text-amber-200" : "text-muted-foreground")}
        >
          {n.text}
        </p>
      ))}
      {drug.status === "ambiguous" && drug.candidates.length > 0 && (
        <div role="group" aria-label={`Which medicine did you mean by ${drug.query}?`} className="flex flex-wrap gap-1.5 pl-6">
          {drug.candidates.map((c) => (
            <Button key={c.key} type="button" size="sm" variant="outline" disabled={busy} onClick={() => onPick(drug, c)}>
              {displayName(c.name)}
              {c.matched.toLowerCase() !== c.name.toLowerCase() && (
                <span className="font-normal text-muted-foreground">({c.matched})</span>
              )}
            </Button>
          ))}
        </div>
      )}
    </li>
  );
}

type Props = {
  report: InteractionReport;
  /** The list changed since this report: say the results may be out of date. */
  stale: boolean;
  busy: boolean;
  onPick: (drug: CheckedDrug, candidate: DrugCandidate) => void;
};

/** The report: how each name was read, then findings grouped worst first, or the all-clear with the pairs checked. */
export const InteractionResults = forwardRef<HTMLHeadingElement, Props>(function InteractionResults(
  { report, stale, busy, onPick },
  headingRef,
) {
  const groups = groupFindings(report.findings);
  const highest = report.highest;
  const unrecognised = [
    ...report.unrecognised_allergies.map((a) => ({ what: "allergy", name: a })),
    ...report.unrecognised_conditions.map((c) => ({ what: "condition", name: c })),
  ];
  const needsAttention = report.drugs.some((d) => d.status !== "exact" || !d.covered);

  return (
    <section aria-labelledby="results-title" data-testid="interaction-results" data-highest={highest} className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="results-title" ref={headingRef} tabIndex={-1} className="text-xl font-semibold tracking-tight outline-none">
          Results
        </h2>
        <span className="text-sm text-muted-foreground">Highest severity:</span>
        <SeverityBadge severity={highest} />
      </div>

      {stale && (
        <p className="flex items-center gap-2 text-sm text-amber-900 dark:text-amber-200" data-testid="results-stale">
          <TriangleAlertIcon className="size-4 shrink-0" aria-hidden="true" />
          Your list has changed since this check. Press Check again to update the results.
        </p>
      )}

      <div className="rounded-lg border bg-card p-4 text-card-foreground">
        <h3 className="font-semibold">Medicines checked</h3>
        {needsAttention && (
          <p className="mt-1 text-sm text-muted-foreground">Some names need your attention: see the notes below.</p>
        )}
        <ul className="mt-1 divide-y text-sm" data-testid="checked-drugs">
          {report.drugs.map((d, i) => (
            <CheckedDrugRow key={`${d.origin}:${d.query}:${i}`} drug={d} onPick={onPick} busy={busy} />
          ))}
        </ul>
        {unrecognised.length > 0 && (
          <p className="mt-2 text-sm text-amber-900 dark:text-amber-200" data-testid="unrecognised-profile">
            Not recognised, so not checked:{" "}
            {unrecognised.map((u, i) => (
              <span key={`${u.what}:${u.name}`}>
                {i > 0 && "; "}
                {u.name} ({u.what})
              </span>
            ))}
            .
          </p>
        )}
      </div>

      {groups.length === 0 ? (
        <div
          data-testid="no-interactions"
          className={cn("rounded-lg border p-4", SEVERITY_STYLES.none.panel)}
        >
          <h3 className="flex items-center gap-2 font-semibold">
            <CircleCheckIcon className="size-5 shrink-0 text-emerald-700 dark:text-emerald-400" aria-hidden="true" />
            {report.pairs.length > 0 ? "No known interactions found among these drugs" : "No known problems found"}
          </h3>
          {report.pairs.length > 0 && (
            <>
              <p className="mt-2 text-sm">LUMEN&apos;s reviewed rules found nothing for these pairs:</p>
              <ul className="mt-1 list-disc pl-6 text-sm" data-testid="checked-pairs">
                {report.pairs.map((p) => (
                  <li key={`${p.a}|${p.b}`}>{pairLabel(p)}</li>
                ))}
              </ul>
            </>
          )}
          <p className="mt-2 text-sm text-muted-foreground">
            This does not prove the combination is safe: medicines not recognised or not covered above were not fully checked.
          </p>
        </div>
      ) : (
        groups.map((g) => {
          const { icon: Icon, panel } = SEVERITY_STYLES[g.severity];
          const headingId = `severity-${g.severity}`;
          return (
            <section
              key={g.severity}
              aria-labelledby={headingId}
              data-testid={`severity-group-${g.severity}`}
              className={cn("space-y-3 rounded-xl border p-4", panel)}
            >
              <div>
                <h3 id={headingId} className="flex items-center gap-2 text-lg font-semibold">
                  <Icon className="size-5 shrink-0" aria-hidden="true" />
                  {severityLabel(g.severity)}
                  <span className="text-sm font-normal text-muted-foreground">
                    ({g.findings.length} finding{g.findings.length === 1 ? "" : "s"})
                  </span>
                </h3>
                <p className="mt-0.5 text-sm">{severityMeaning(g.severity)}</p>
              </div>
              <ul className="space-y-3">
                {g.findings.map((f, i) => (
                  <FindingCard key={`${f.rule}:${f.drugs.join("+")}:${f.subject}:${i}`} finding={f} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </section>
  );
});
