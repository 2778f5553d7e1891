"use client";

import { ArrowLeftIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";

import { PageHeader } from "@/components/PageHeader";
import { ErrorState, LoadingState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDocument, getVersion, previewVersion } from "@/lib/api/pharma";

import { useDocumentTypes } from "./useDocumentTypes";
import { useLoad } from "./useLoad";
import { VersionDiff } from "./VersionDiff";
import { VersionHistory } from "./VersionHistory";
import { VersionPanel } from "./VersionPanel";

/** A document: its versions, the chosen version (latest by default) and a comparison of any two. */
export function DocumentView({ id }: { id: string }) {
  const types = useDocumentTypes();
  const [tick, setTick] = useState(0);
  const [chosen, setChosen] = useState<number | null>(null);
  // keepPrevious: after an action the document reloads without unmounting the view (focus, scroll and notices stay).
  const doc = useLoad(`${id}:${tick}`, () => getDocument(id), { keepPrevious: true });
  const latest = doc.data ? Math.max(...doc.data.versions.map((v) => v.number)) : null;
  const number = chosen ?? latest;
  const versionKey = number === null ? null : `${id}:${number}:${tick}`;
  const version = useLoad(versionKey, () => getVersion(id, number!), { keepPrevious: true });
  const preview = useLoad(versionKey, () => previewVersion(id, number!), { keepPrevious: true });
  const type = types.data?.find((t) => t.type === doc.data?.type);
  const refresh = () => setTick((t) => t + 1);

  const back = (
    <Button variant="outline" asChild>
      <Link href="/documents/">
        <ArrowLeftIcon aria-hidden="true" /> All documents
      </Link>
    </Button>
  );
  const current = doc.data;

  if (doc.error) {
    return (
      <div>
        <PageHeader title="Document" actions={back} />
        <ErrorState error={doc.error} onRetry={doc.reload} />
      </div>
    );
  }
  if (!current || number === null) return <LoadingState label="Loading the document…" />;

  return (
    <div data-testid="document-view">
      <PageHeader title={current.title} description={type?.title ?? current.type} actions={back} />
      <div className="grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <nav aria-label="Versions" className="space-y-2">
          <h2 className="text-sm font-medium text-muted-foreground">Versions</h2>
          <VersionHistory doc={current} selected={number} onSelect={setChosen} />
        </nav>
        <div className="min-w-0 space-y-6">
          {version.error ? (
            <ErrorState error={version.error} onRetry={version.reload} />
          ) : !version.data || version.data.number !== number ? (
            <LoadingState label={`Loading version ${number}…`} />
          ) : (
            <VersionPanel
              key={version.data.number}
              documentId={id}
              type={type}
              version={version.data}
              markdown={preview.loading ? undefined : preview.data}
              previewError={preview.error}
              isLatest={number === latest}
              onChanged={refresh}
              onNewVersion={(n) => {
                setChosen(n);
                refresh();
              }}
            />
          )}
          <Card>
            <CardHeader>
              <CardTitle as="h2" className="text-base">
                Compare versions
              </CardTitle>
            </CardHeader>
            <CardContent>
              <VersionDiff key={current.versions.length} documentId={id} numbers={current.versions.map((v) => v.number)} />
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
