"use client";

import { listDocumentTypes, type DocumentType } from "@/lib/api/pharma";

import { useLoad } from "./useLoad";

/** The document types and their fields; they only change with a server release, so one fetch per page is enough. */
export function useDocumentTypes() {
  return useLoad<DocumentType[]>("types", listDocumentTypes);
}
