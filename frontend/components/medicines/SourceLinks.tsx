import { ExternalLinkIcon } from "lucide-react";

import type { DrugSource } from "@/lib/api/types";
import { citedSources } from "@/lib/medicines";
import { cn } from "@/lib/utils";

const linkClass =
  "inline-flex items-baseline gap-1 rounded text-primary underline underline-offset-4 outline-none hover:no-underline focus-visible:ring-2 focus-visible:ring-ring";

/** A link to an outside page, opened in a new tab and saying so to screen readers. */
export function ExternalLink({ href, children, className }: { href: string; children: React.ReactNode; className?: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={cn(linkClass, className)}>
      <span>{children}</span>
      <ExternalLinkIcon className="size-3 shrink-0 self-center" aria-hidden="true" />
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

/** "Source: <title>; <title>" for one fact group, each title linking to the source. */
export function SourceLinks({
  source,
  sources,
  className,
}: {
  source: string | string[] | null | undefined;
  sources: readonly DrugSource[];
  className?: string;
}) {
  const cited = citedSources(source, sources);
  if (cited.length === 0) return null;
  return (
    <p className={cn("text-xs text-muted-foreground", className)} data-testid="section-sources">
      {cited.length === 1 ? "Source: " : "Sources: "}
      {cited.map((s, i) => (
        <span key={s.id}>
          {i > 0 && "; "}
          {s.url ? <ExternalLink href={s.url}>{s.title}</ExternalLink> : <span>{s.title}</span>}
        </span>
      ))}
    </p>
  );
}
