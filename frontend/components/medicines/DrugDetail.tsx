"use client";

import { ArrowLeftIcon, ArrowLeftRightIcon, BabyIcon, BanIcon, ChevronDownIcon, SirenIcon } from "lucide-react";
import Link from "next/link";
import { useCallback, useId, useState } from "react";

import { PageHeader } from "@/components/PageHeader";
import { ErrorState, LoadingState } from "@/components/states";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDrug } from "@/lib/api/drugs";
import type { Drug, DrugFacts } from "@/lib/api/types";
import { usePolling } from "@/lib/hooks/usePolling";
import { REGIONS, availabilityLabel, displayName, nameKindLabel, otherNames } from "@/lib/medicines";
import { cn } from "@/lib/utils";

import { Disclaimer } from "./Disclaimer";
import { ExternalLink, SourceLinks } from "./SourceLinks";

/** Names shown before "Show all names". */
const NAMES_COLLAPSED = 12;

function BackLink() {
  return (
    <Link
      href="/medicines"
      className="mb-4 inline-flex items-center gap-1 rounded text-sm text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
    >
      <ArrowLeftIcon className="size-4" aria-hidden="true" /> Medicines
    </Link>
  );
}

function BulletList({ items, className }: { items: readonly string[]; className?: string }) {
  return (
    <ul className={cn("list-disc space-y-1 pl-5 text-sm", className)}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function Section({
  title,
  testId,
  children,
  className,
}: {
  title: string;
  testId: string;
  children: React.ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <Card className={className}>
      <section aria-labelledby={id} data-testid={testId}>
        <CardHeader className="pb-3">
          <CardTitle id={id}>{title}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-3">{children}</CardContent>
      </section>
    </Card>
  );
}

function FactSections({ facts }: { facts: DrugFacts }) {
  const { sources } = facts;
  const serious = facts.side_effects.serious;
  return (
    <>
      <Section title="What it is used for" testId="drug-uses">
        <BulletList items={facts.uses.items} />
        <SourceLinks source={facts.uses.source} sources={sources} />
      </Section>

      <Section title="Side effects" testId="drug-side-effects">
        {serious.length > 0 && (
          <div
            className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-950 dark:border-red-900 dark:bg-red-950/60 dark:text-red-50"
            data-testid="serious-side-effects"
          >
            <h3 className="flex items-center gap-2 text-sm font-semibold">
              <SirenIcon className="size-4 shrink-0" aria-hidden="true" />
              Serious: get medical help straight away if you notice
            </h3>
            <BulletList items={serious} className="mt-2 font-medium" />
          </div>
        )}
        {facts.side_effects.common.length > 0 && (
          <div>
            <h3 className="text-sm font-semibold">Common</h3>
            <BulletList items={facts.side_effects.common} className="mt-1" />
          </div>
        )}
        <SourceLinks source={facts.side_effects.source} sources={sources} />
      </Section>

      <Section title="Who should not take it" testId="drug-contraindications">
        <div className="flex gap-2">
          <BanIcon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
          <BulletList items={facts.contraindications.items} />
        </div>
        <SourceLinks source={facts.contraindications.source} sources={sources} />
      </Section>

      <Section title="Pregnancy and breastfeeding" testId="drug-pregnancy">
        <div className="flex gap-2">
          <BabyIcon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
          <div className="space-y-3">
            <div>
              <h3 className="text-sm font-semibold">Pregnancy</h3>
              <p className="mt-1 text-sm">{facts.pregnancy.text}</p>
              <SourceLinks source={facts.pregnancy.source} sources={sources} className="mt-1" />
            </div>
            <div>
              <h3 className="text-sm font-semibold">Breastfeeding</h3>
              <p className="mt-1 text-sm">{facts.lactation.text}</p>
              <SourceLinks source={facts.lactation.source} sources={sources} className="mt-1" />
            </div>
          </div>
        </div>
      </Section>

      <Section title="Where it is available" testId="drug-status">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          {REGIONS.map((r) => (
            <div key={r.id} className="contents">
              <dt className="text-muted-foreground">{r.label}</dt>
              <dd data-testid={`status-${r.id}`}>{availabilityLabel(facts.status[r.id])}</dd>
            </div>
          ))}
        </dl>
        <SourceLinks source={facts.status.source} sources={sources} />
      </Section>

      {facts.interaction_tags.items.length > 0 && (
        <Section title="Interaction profile" testId="drug-interaction-tags">
          <p className="text-sm text-muted-foreground">
            The properties LUMEN uses to check this medicine against others:
          </p>
          <ul className="flex flex-wrap gap-1.5">
            {facts.interaction_tags.items.map((t) => (
              <li key={t}>
                <Badge tone="neutral">{t.replace(/_/g, " ")}</Badge>
              </li>
            ))}
          </ul>
          <SourceLinks source={facts.interaction_tags.source} sources={sources} />
        </Section>
      )}
    </>
  );
}

function NamesSection({ drug }: { drug: Drug }) {
  const names = otherNames(drug.names, drug.name);
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  if (names.length === 0) return null;
  const long = names.length > NAMES_COLLAPSED;
  const shown = long && !expanded ? names.slice(0, NAMES_COLLAPSED) : names;
  return (
    <Section title="Other names" testId="drug-names">
      <p className="text-sm text-muted-foreground">Brand names first, then other names and spellings that mean the same medicine.</p>
      <ul id={listId} className="flex flex-wrap gap-1.5">
        {shown.map((n) => (
          <li
            key={`${n.kind}:${n.name}`}
            data-kind={n.kind}
            className={cn(
              "inline-flex items-baseline gap-1.5 rounded-md border px-2 py-1 text-sm",
              n.kind === "brand" && "border-primary/40 bg-accent text-accent-foreground",
            )}
          >
            <span>{displayName(n.name)}</span>
            <span className="text-xs text-muted-foreground">{nameKindLabel(n.kind)}</span>
          </li>
        ))}
      </ul>
      {long && (
        <Button variant="outline" size="sm" aria-expanded={expanded} aria-controls={listId} onClick={() => setExpanded((e) => !e)}>
          <ChevronDownIcon className={cn("transition-transform", expanded && "rotate-180")} aria-hidden="true" />
          {expanded ? "Show fewer names" : `Show all ${names.length} names`}
        </Button>
      )}
    </Section>
  );
}

function IdentitySection({ drug }: { drug: Drug }) {
  const facts: [string, React.ReactNode][] = [
    ["Name", displayName(drug.name)],
    ["InChIKey", <span key="key" className="font-mono text-xs break-all">{drug.key}</span>],
  ];
  if (drug.chembl_ids.length) {
    facts.push([
      drug.chembl_ids.length === 1 ? "ChEMBL ID" : "ChEMBL IDs",
      <span key="chembl" className="flex flex-wrap gap-x-3 gap-y-1">
        {drug.chembl_ids.map((id) => (
          <ExternalLink key={id} href={`https://www.ebi.ac.uk/chembl/compound_report_card/${encodeURIComponent(id)}/`} className="font-mono text-xs">
            {id}
          </ExternalLink>
        ))}
      </span>,
    ]);
  }
  if (drug.drugbank_id) {
    facts.push([
      "DrugBank ID",
      <ExternalLink key="db" href={`https://go.drugbank.com/drugs/${encodeURIComponent(drug.drugbank_id)}`} className="font-mono text-xs">
        {drug.drugbank_id}
      </ExternalLink>,
    ]);
  }
  if (drug.mesh_id) {
    facts.push([
      "MeSH ID",
      <ExternalLink key="mesh" href={`https://meshb.nlm.nih.gov/record/ui?ui=${encodeURIComponent(drug.mesh_id)}`} className="font-mono text-xs">
        {drug.mesh_id}
      </ExternalLink>,
    ]);
  }
  if (drug.approval_year) facts.push(["First approved", drug.approval_year]);
  if (drug.smiles) facts.push(["SMILES", <span key="smiles" className="font-mono text-xs break-all">{drug.smiles}</span>]);

  return (
    <Section title="Identity" testId="drug-identity">
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-muted-foreground">{term}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

function SourcesSection({ facts }: { facts: DrugFacts }) {
  return (
    <Section title="Sources" testId="drug-sources">
      <p className="text-sm text-muted-foreground">Every section above names the sources it was reviewed against.</p>
      <ol className="list-decimal space-y-1.5 pl-5 text-sm">
        {facts.sources.map((s) => (
          <li key={s.id} data-testid="drug-source">
            {s.url ? <ExternalLink href={s.url}>{s.title}</ExternalLink> : s.title}
          </li>
        ))}
      </ol>
    </Section>
  );
}

function DrugView({ drug }: { drug: Drug }) {
  const name = displayName(drug.name);
  return (
    <div>
      <BackLink />
      <PageHeader
        title={name}
        description={
          <span className="flex flex-wrap items-center gap-1.5">
            {drug.curated ? (
              <Badge tone="success">Reviewed information</Badge>
            ) : (
              <Badge tone="neutral">Identity data only</Badge>
            )}
            {drug.classes.map((c) => (
              <Badge key={c.id} tone="info" data-testid="drug-class">
                {c.label}
              </Badge>
            ))}
          </span>
        }
        actions={
          <Button asChild variant="outline">
            <Link href={`/interactions?add=${encodeURIComponent(drug.name)}`}>
              <ArrowLeftRightIcon aria-hidden="true" />
              Check {name} for interactions
            </Link>
          </Button>
        }
      />

      <Disclaimer text={drug.disclaimer} className="mb-4" />

      {!drug.facts && (
        <Alert tone="warning" className="mb-4" data-testid="identity-only">
          <p className="font-medium">We hold identity data only for this medicine.</p>
          <p>
            LUMEN has not reviewed its uses, side effects or interactions yet, so none are shown. Ask a pharmacist, or read
            the leaflet that comes with it.
          </p>
        </Alert>
      )}

      <div className="grid gap-4 lg:grid-cols-2">
        {drug.facts && <FactSections facts={drug.facts} />}
        <NamesSection drug={drug} />
        <IdentitySection drug={drug} />
        {drug.facts && <SourcesSection facts={drug.facts} />}
      </div>
    </div>
  );
}

/** /drugs?id=KEY: one medicine, with its reviewed facts (when we hold them) and their sources. */
export function DrugDetail({ id }: { id: string | null }) {
  const key = (id ?? "").trim();
  const fetcher = useCallback(() => getDrug(key), [key]);
  const { data, error, loading, refresh } = usePolling(fetcher, { key, enabled: Boolean(key), interval: () => null });

  if (!key) {
    return (
      <>
        <BackLink />
        <h1 className="mb-4 text-2xl font-semibold tracking-tight">Medicine not found</h1>
        <p className="text-muted-foreground">
          No medicine was chosen. <Link href="/medicines" className="text-primary underline underline-offset-4">Search for one</Link>.
        </p>
      </>
    );
  }
  if (loading) {
    return (
      <>
        <BackLink />
        <LoadingState label="Loading medicine…" />
      </>
    );
  }
  if (!data) {
    const notFound = error?.code === "not_found" || error?.code === "validation_error";
    return (
      <>
        <BackLink />
        <h1 className="mb-4 text-2xl font-semibold tracking-tight">{notFound ? "Medicine not found" : "Medicine"}</h1>
        {error && (
          <ErrorState
            error={error}
            title={notFound ? "There is no medicine with this id" : "Could not load this medicine"}
            onRetry={notFound ? undefined : refresh}
          />
        )}
      </>
    );
  }
  return <DrugView drug={data} />;
}
