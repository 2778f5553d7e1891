"use client";

import { ArrowLeftIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { PageHeader } from "@/components/PageHeader";
import { ErrorState, LoadingState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { createDocument, type DocumentType } from "@/lib/api/pharma";
import { ApiError, toApiError } from "@/lib/api/errors";
import { MACO_TYPES, buildInputs, fieldErrorMap, initialState, type FormState } from "@/lib/pharma";

import { DocumentForm } from "./DocumentForm";
import { FieldControl } from "./FieldControl";
import { FormErrors } from "./FormErrors";
import { MacoPanel } from "./MacoPanel";
import { useDocumentTypes } from "./useDocumentTypes";

function Wizard({ type }: { type: DocumentType }) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [state, setState] = useState<FormState>(() => initialState(type.fields));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = error ? fieldErrorMap(error.details) : {};
  const withMaco = MACO_TYPES.has(type.type);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const doc = await createDocument({ type: type.type, title, inputs: buildInputs(type.fields, state) });
      router.push(`/documents/?id=${doc.id}`);
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`New ${type.title}`} data-testid="new-document-form" className="space-y-4">
      <p className="text-sm text-muted-foreground">{type.description}</p>
      {error && <FormErrors message={error.message} errors={errors} fields={type.fields} />}
      <div className={withMaco ? "grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]" : undefined}>
        <Card>
          <CardContent className="space-y-4 pt-6">
            <FieldControl
              id="pf-title"
              label="Document title"
              type="text"
              required
              maxLength={200}
              value={title}
              error={errors.title}
              onChange={setTitle}
              help="Shown in the list and at the top of the document."
            />
            <DocumentForm fields={type.fields} state={state} errors={errors} onChange={(name, value) => setState((s) => ({ ...s, [name]: value }))} />
          </CardContent>
        </Card>
        {withMaco && (
          <aside className="lg:sticky lg:top-4 lg:self-start" aria-label="MACO calculator">
            <MacoPanel state={state} />
          </aside>
        )}
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={busy} data-testid="create-document">
          {busy ? "Creating…" : "Create draft"}
        </Button>
        <Button type="button" variant="outline" asChild>
          <Link href="/documents/">Cancel</Link>
        </Button>
      </div>
    </form>
  );
}

/** Step 1: choose the type; step 2: its generated form. The type lives in the URL (?new=<type>) so reload keeps it. */
export function NewDocument({ initialType }: { initialType: string }) {
  const router = useRouter();
  const types = useDocumentTypes();
  const chosen = types.data?.find((t) => t.type === initialType);

  return (
    <div>
      <PageHeader
        title="New document"
        description="Choose a document type, fill in its inputs and create a draft. The draft can be edited until you sign it for review."
        actions={
          <Button variant="outline" asChild>
            <Link href="/documents/">
              <ArrowLeftIcon aria-hidden="true" /> All documents
            </Link>
          </Button>
        }
      />
      {types.error ? (
        <ErrorState error={types.error} onRetry={types.reload} />
      ) : !types.data ? (
        <LoadingState label="Loading document types…" />
      ) : (
        <div className="space-y-6">
          <div className="grid gap-1.5">
            <Label htmlFor="new-type">Document type</Label>
            <NativeSelect
              id="new-type"
              data-testid="new-document-type"
              value={chosen?.type ?? ""}
              onChange={(e) => router.replace(`/documents/?new=${encodeURIComponent(e.target.value || "1")}`)}
            >
              <option value="">Choose a type…</option>
              {types.data.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.title}
                </option>
              ))}
            </NativeSelect>
          </div>
          {chosen && <Wizard key={chosen.type} type={chosen} />}
        </div>
      )}
    </div>
  );
}
