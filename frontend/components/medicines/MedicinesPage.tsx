"use client";

import { ArrowLeftRightIcon, ChevronRightIcon, SearchIcon } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

import { AuthGuard } from "@/components/auth/AuthGuard";
import { PageHeader } from "@/components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import type { DrugSummary } from "@/lib/api/types";
import { useDebounced } from "@/lib/hooks/useDebounced";
import { MAX_NAME_LENGTH, displayName } from "@/lib/medicines";

import { Disclaimer } from "./Disclaimer";
import { useDrugSearch } from "./useDrugSearch";

export function drugHref(key: string): string {
  return `/drugs?id=${encodeURIComponent(key)}`;
}

function ResultRow({ drug }: { drug: DrugSummary }) {
  const matchedOther = drug.matched && drug.matched.toLowerCase() !== drug.name.toLowerCase();
  return (
    <li>
      <Link
        href={drugHref(drug.key)}
        data-testid="drug-result"
        className="flex items-center gap-3 rounded-lg border bg-card px-4 py-3 outline-none transition-colors hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring"
      >
        <span className="min-w-0 flex-1">
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="font-medium">{displayName(drug.name)}</span>
            {matchedOther && <span className="text-sm text-muted-foreground">matches “{drug.matched}”</span>}
          </span>
          <span className="mt-1 flex flex-wrap gap-1">
            {drug.curated ? (
              <Badge tone="success">Reviewed information</Badge>
            ) : (
              <Badge tone="neutral">Identity data only</Badge>
            )}
            {drug.classes.map((c) => (
              <Badge key={c} tone="info">
                {c.replace(/_/g, " ")}
              </Badge>
            ))}
          </span>
        </span>
        <ChevronRightIcon className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
      </Link>
    </li>
  );
}

function MedicineSearch() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // The search lives in the URL (?q=) so Back from a drug page returns to the same results.
  const [text, setText] = useState(() => searchParams.get("q") ?? "");
  const search = useDrugSearch(text, { limit: 12 });
  const urlTerm = useDebounced(search.term, 400);

  useEffect(() => {
    const current = new URLSearchParams(window.location.search).get("q") ?? "";
    if (current === urlTerm) return;
    router.replace(urlTerm ? `${pathname}?q=${encodeURIComponent(urlTerm)}` : pathname, { scroll: false });
  }, [urlTerm, router, pathname]);

  const count = search.items.length;
  const announcement = !search.settled
    ? ""
    : search.error
      ? "Search failed."
      : count === 0
        ? `No medicines match ${search.term}.`
        : `${count} medicine${count === 1 ? "" : "s"} match ${search.term}.`;

  return (
    <div>
      <PageHeader
        title="Medicines"
        description="Look up a medicine by its generic or brand name to see what it is for, its side effects and who should not take it. Then check your medicines together for interactions."
        actions={
          <Button asChild>
            <Link href="/interactions">
              <ArrowLeftRightIcon aria-hidden="true" />
              Check interactions
            </Link>
          </Button>
        }
      />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-4">
          <form role="search" aria-label="Medicines" onSubmit={(e) => e.preventDefault()} className="grid gap-1.5">
            <label htmlFor="drug-search" className="text-sm font-medium">
              Search medicines
            </label>
            <div className="relative">
              <SearchIcon
                className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
                aria-hidden="true"
              />
              <Input
                id="drug-search"
                type="search"
                data-testid="medicines-search"
                placeholder="e.g. ibuprofen, Advil, warfarin"
                autoComplete="off"
                spellCheck={false}
                maxLength={MAX_NAME_LENGTH}
                aria-describedby="drug-search-hint"
                className="h-11 pl-9 text-base"
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
            <p id="drug-search-hint" className="text-xs text-muted-foreground">
              Generic names, brand names, salts and misspellings all work. Results update as you type.
            </p>
          </form>

          <p className="sr-only" aria-live="polite">
            {announcement}
          </p>

          {!search.active && (
            <EmptyState title="Search for a medicine">Type at least two letters of its name.</EmptyState>
          )}
          {search.active && search.loading && count === 0 && <LoadingState label="Searching…" />}
          {search.error && <ErrorState error={search.error} title="Search failed" />}
          {search.settled && !search.error && count === 0 && (
            <EmptyState title={`No medicines match “${search.term}”`}>
              Check the spelling, or try the generic name printed on the pack.
            </EmptyState>
          )}
          {count > 0 && (
            <ul
              aria-label={`Medicines matching ${search.term}`}
              aria-busy={search.loading}
              data-testid="drug-results"
              className="grid gap-2"
            >
              {search.items.map((d) => (
                <ResultRow key={d.key} drug={d} />
              ))}
            </ul>
          )}
        </div>

        <div className="space-y-4">
          <Card>
            <CardContent className="space-y-3 pt-5">
              <h2 id="checker-callout" className="flex items-center gap-2 font-semibold">
                <ArrowLeftRightIcon className="size-4 text-primary" aria-hidden="true" />
                Interaction checker
              </h2>
              <p className="text-sm text-muted-foreground">
                Taking more than one medicine? Check them together, and against your allergies and conditions.
              </p>
              <Button asChild variant="outline" className="w-full">
                <Link href="/interactions">Open the interaction checker</Link>
              </Button>
            </CardContent>
          </Card>
          <Disclaimer />
        </div>
      </div>
    </div>
  );
}

/** /medicines: search the drug catalogue; each result opens its drug page. */
export function MedicinesPage() {
  return (
    <AuthGuard>
      <MedicineSearch />
    </AuthGuard>
  );
}
