"use client";

import { useSearchParams } from "next/navigation";

import { AuthGuard } from "@/components/auth/AuthGuard";

import { DocumentList } from "./DocumentList";
import { DocumentView } from "./DocumentView";
import { NewDocument } from "./NewDocument";

const ROLES = ["pharma", "admin"] as const;

/**
 * One static page, three views chosen by the query (static export: no dynamic
 * routes): ?id=<uuid> a document, ?new=<type or 1> the wizard, else the list.
 */
export function DocumentsPage() {
  const params = useSearchParams();
  const id = params.get("id");
  const type = params.get("new");
  return (
    <AuthGuard roles={ROLES}>
      {id ? <DocumentView key={id} id={id} /> : type !== null ? <NewDocument initialType={type} /> : <DocumentList />}
    </AuthGuard>
  );
}
