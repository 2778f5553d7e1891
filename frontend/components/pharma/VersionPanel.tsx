"use client";

import { CopyPlusIcon, LockIcon, PencilIcon } from "lucide-react";
import { useState } from "react";

import { ErrorState, LoadingState } from "@/components/states";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { newVersion, type DocumentType, type Version } from "@/lib/api/pharma";
import { toApiError } from "@/lib/api/errors";
import { formatDateTime } from "@/lib/format";

import { DraftEditor } from "./DraftEditor";
import { ExportButtons } from "./ExportButtons";
import { MarkdownView } from "./MarkdownView";
import { RejectDialog } from "./RejectDialog";
import { SignatureDialog } from "./SignatureDialog";
import { StatusBadge } from "./StatusBadge";

const MEANING_LABEL = { author: "Author", reviewer: "Reviewer", approver: "Approver" } as const;

function Signatures({ version }: { version: Version }) {
  if (!version.signatures.length) return <p className="text-sm text-muted-foreground">Not signed yet.</p>;
  return (
    <ul className="space-y-1 text-sm" data-testid="signatures">
      {version.signatures.map((s, i) => (
        <li key={i}>
          <span className="font-medium">{MEANING_LABEL[s.meaning]}</span>: {s.signer_name}, {formatDateTime(s.signed_at)}
          <span className="text-muted-foreground"> (review cycle {s.cycle})</span>
          {s.comment && <span className="text-muted-foreground"> — {s.comment}</span>}
        </li>
      ))}
    </ul>
  );
}

/** One version: its status, the actions its state allows, its signatures and its rendered text. */
export function VersionPanel({
  documentId,
  type,
  version,
  markdown,
  previewError,
  isLatest,
  onChanged,
  onNewVersion,
}: {
  documentId: string;
  type: DocumentType | undefined;
  version: Version;
  markdown: string | undefined;
  previewError: Error | null;
  isLatest: boolean;
  onChanged: () => void;
  onNewVersion: (n: number) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The server says which signature the current review cycle waits for.
  const meaning = version.next_signature ?? undefined;

  async function startNewVersion() {
    setBusy(true);
    setError(null);
    try {
      const v = await newVersion(documentId);
      onNewVersion(v.number);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  }

  const changed = (message: string) => () => {
    setNotice(message);
    onChanged();
  };

  if (editing && type) {
    return (
      <DraftEditor
        documentId={documentId}
        type={type}
        version={version}
        onCancel={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          changed("Draft saved.")();
        }}
      />
    );
  }

  return (
    <div className="space-y-4" data-testid="version-panel" data-version={version.number} data-status={version.status}>
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-lg font-semibold">Version {version.number}</h2>
        <StatusBadge status={version.status} />
        <span className="font-mono text-xs text-muted-foreground" title="SHA-256 of the version's content">
          {version.content_hash.slice(0, 12)}
        </span>
      </div>
      {notice && (
        <Alert tone="success" role="status" data-testid="version-notice">
          {notice}
        </Alert>
      )}
      {error && (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      )}
      {version.change_note && <p className="text-sm">Change note: {version.change_note}</p>}
      {version.rejections.length > 0 && (
        <ul className="space-y-1 text-sm" data-testid="rejections">
          {version.rejections.map((r, i) => (
            <li key={i}>
              <span className="font-medium">Returned for changes</span> by {r.rejected_by_name}, {formatDateTime(r.rejected_at)}{" "}
              (review cycle {r.cycle}): {r.reason}
            </li>
          ))}
        </ul>
      )}

      <div className="flex flex-wrap gap-2" data-testid="version-actions">
        {version.status === "draft" && type && (
          <Button variant="outline" onClick={() => setEditing(true)} data-testid="edit-draft">
            <PencilIcon aria-hidden="true" /> Edit draft
          </Button>
        )}
        {meaning && <SignatureDialog key={`${version.number}:${meaning}`} documentId={documentId} version={version} meaning={meaning} onSigned={changed("Signature applied.")} />}
        {version.status === "in_review" && <RejectDialog documentId={documentId} version={version} onDone={changed("Returned to draft.")} />}
        {version.status === "approved" && isLatest && (
          <Button onClick={startNewVersion} disabled={busy} data-testid="new-version">
            <CopyPlusIcon aria-hidden="true" /> New version
          </Button>
        )}
      </div>
      {(version.status === "approved" || version.status === "superseded") && (
        <p className="flex items-center gap-2 text-sm text-muted-foreground" data-testid="locked-notice">
          <LockIcon className="size-4" aria-hidden="true" />
          This version is {version.status} and cannot be changed{version.status === "approved" ? "; start a new version to revise it" : ""}.
        </p>
      )}
      {version.status === "in_review" && <p className="text-sm text-muted-foreground">In review: the content is locked until it is approved or returned.</p>}

      <section aria-labelledby="sig-heading" className="space-y-1">
        <h3 id="sig-heading" className="font-medium">
          Signatures
        </h3>
        <Signatures version={version} />
      </section>
      <section aria-labelledby="export-heading" className="space-y-1">
        <h3 id="export-heading" className="font-medium">
          Export
        </h3>
        <ExportButtons documentId={documentId} number={version.number} />
      </section>
      <section aria-labelledby="preview-heading" className="space-y-2">
        <h3 id="preview-heading" className="font-medium">
          Preview
        </h3>
        <div className="rounded-lg border bg-card p-4">
          {previewError ? <ErrorState error={previewError} /> : markdown === undefined ? <LoadingState label="Rendering…" /> : <MarkdownView markdown={markdown} />}
        </div>
      </section>
    </div>
  );
}
