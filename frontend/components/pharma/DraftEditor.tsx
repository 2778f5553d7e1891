"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { updateVersion, type DocumentType, type Version } from "@/lib/api/pharma";
import { ApiError, toApiError } from "@/lib/api/errors";
import { MACO_TYPES, buildInputs, fieldErrorMap, initialState, type FormState } from "@/lib/pharma";

import { DocumentForm } from "./DocumentForm";
import { FormErrors } from "./FormErrors";
import { MacoPanel } from "./MacoPanel";

/** Edit a draft's inputs with the same generated form as the wizard. */
export function DraftEditor({
  documentId,
  type,
  version,
  onSaved,
  onCancel,
}: {
  documentId: string;
  type: DocumentType;
  version: Version;
  onSaved: (v: Version) => void;
  onCancel: () => void;
}) {
  const [state, setState] = useState<FormState>(() => initialState(type.fields, version.inputs));
  const [note, setNote] = useState(version.change_note ?? "");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = error ? fieldErrorMap(error.details) : {};

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await updateVersion(documentId, version.number, buildInputs(type.fields, state), note.trim()));
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} noValidate aria-label={`Edit version ${version.number}`} className="space-y-4" data-testid="draft-editor">
      <h2 className="text-lg font-semibold">Edit version {version.number}</h2>
      {error && <FormErrors message={error.message} errors={errors} fields={type.fields} />}
      <div className={MACO_TYPES.has(type.type) ? "grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]" : undefined}>
        <div className="space-y-4">
          <TextField id="pf-change-note" label="Change note" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} hint="What changed and why; shown in the version history." />
          <DocumentForm fields={type.fields} state={state} errors={errors} onChange={(name, value) => setState((s) => ({ ...s, [name]: value }))} />
        </div>
        {MACO_TYPES.has(type.type) && (
          <aside className="lg:sticky lg:top-4 lg:self-start" aria-label="MACO calculator">
            <MacoPanel state={state} />
          </aside>
        )}
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={busy} data-testid="save-draft">
          {busy ? "Saving…" : "Save draft"}
        </Button>
        <Button type="button" variant="outline" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
