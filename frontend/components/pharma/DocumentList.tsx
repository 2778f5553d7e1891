"use client";

import { FilePlusIcon, SearchIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";

import { Pagination } from "@/components/admin/Pagination";
import { PageHeader } from "@/components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { listDocuments, type VersionStatus } from "@/lib/api/pharma";
import { formatDateTime } from "@/lib/format";
import { useDebounced } from "@/lib/hooks/useDebounced";
import { STATUS_LABEL } from "@/lib/pharma";

import { StatusBadge } from "./StatusBadge";
import { useDocumentTypes } from "./useDocumentTypes";
import { useLoad } from "./useLoad";

const LIMIT = 20;

export function DocumentList() {
  const types = useDocumentTypes();
  const [type, setType] = useState("");
  const [status, setStatus] = useState<VersionStatus | "">("");
  const [text, setText] = useState("");
  const [offset, setOffset] = useState(0);
  const q = useDebounced(text.trim(), 300);
  const filters = { type, status: status || undefined, q, limit: LIMIT, offset };
  const page = useLoad(JSON.stringify(filters), () => listDocuments(filters));
  const titles = new Map((types.data ?? []).map((t) => [t.type, t.title]));
  // A filter change starts again at the first page.
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setOffset(0);
  };

  return (
    <div>
      <PageHeader
        title="Documents"
        description="Controlled quality documents generated from templates. Drafts are signed by their author, then a reviewer and an approver (21 CFR Part 11 e-signatures)."
        actions={
          <Button asChild>
            <Link href="/documents/?new=1" data-testid="new-document">
              <FilePlusIcon aria-hidden="true" /> New document
            </Link>
          </Button>
        }
      />
      <form role="search" aria-label="Filter documents" onSubmit={(e) => e.preventDefault()} className="mb-4 flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="doc-q">Title</Label>
          <div className="relative">
            <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
            <Input id="doc-q" type="search" className="w-64 pl-9" maxLength={200} value={text} onChange={(e) => filter(setText)(e.target.value)} />
          </div>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="doc-type">Type</Label>
          <NativeSelect id="doc-type" value={type} onChange={(e) => filter(setType)(e.target.value)}>
            <option value="">All types</option>
            {(types.data ?? []).map((t) => (
              <option key={t.type} value={t.type}>
                {t.title}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="doc-status">Status</Label>
          <NativeSelect id="doc-status" value={status} onChange={(e) => filter(setStatus)(e.target.value as VersionStatus | "")}>
            <option value="">Any status</option>
            {(Object.keys(STATUS_LABEL) as VersionStatus[]).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </NativeSelect>
        </div>
      </form>

      {page.error ? (
        <ErrorState error={page.error} onRetry={page.reload} />
      ) : !page.data ? (
        <LoadingState label="Loading documents…" />
      ) : (
        <div data-testid="documents-summary">
          <p className="sr-only" role="status">
            {page.data.total} document{page.data.total === 1 ? "" : "s"}
          </p>
          {page.data.items.length === 0 ? (
            <EmptyState title={type || status || q ? "No documents match these filters" : "No documents yet"}>
              Create one from a template with “New document”.
            </EmptyState>
          ) : (
            <div className="overflow-x-auto rounded-lg border">
              <table className="w-full text-sm" data-testid="documents-table">
                <caption className="sr-only">Documents, newest first</caption>
                <thead className="bg-muted/50 text-left">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">Title</th>
                    <th scope="col" className="px-3 py-2 font-medium">Type</th>
                    <th scope="col" className="px-3 py-2 font-medium">Version</th>
                    <th scope="col" className="px-3 py-2 font-medium">Status</th>
                    <th scope="col" className="px-3 py-2 font-medium">Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.items.map((d) => (
                    <tr key={d.id} className="border-t" data-testid="document-row">
                      <td className="px-3 py-2">
                        <Link href={`/documents/?id=${d.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                          {d.title}
                        </Link>
                      </td>
                      <td className="px-3 py-2">{titles.get(d.type) ?? d.type}</td>
                      <td className="px-3 py-2">{d.latest.number}</td>
                      <td className="px-3 py-2">
                        <StatusBadge status={d.latest.status} />
                      </td>
                      <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(d.updated_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination total={page.data.total} limit={LIMIT} offset={offset} onOffset={setOffset} label="Documents pages" />
        </div>
      )}
    </div>
  );
}
