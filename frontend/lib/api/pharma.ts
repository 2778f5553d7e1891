// Pharma QA document workspace calls (backend/pharma/router.py). Each returns data or throws ApiError.
import { api } from "./client";
import { toApiError, unwrap } from "./errors";
import type { components } from "./schema";

type Schemas = components["schemas"];

export type DocumentType = Schemas["DocumentTypeRead"];
export type DocumentField = Schemas["DocumentFieldRead"];
export type DocumentSummary = Schemas["DocumentSummary"];
export type DocumentPage = Schemas["DocumentPage"];
export type PharmaDocument = Schemas["DocumentRead"];
export type Version = Schemas["VersionRead"];
export type VersionStatus = Schemas["VersionStatus"];
export type SignatureMeaning = Schemas["SignatureMeaning"];
export type SignatureCreate = Schemas["SignatureCreate"];
export type VersionDiff = Schemas["DiffRead"];
export type ExportFormat = "md" | "docx" | "pdf";
export type MacoCreate = Schemas["MacoCreate"];
export type MacoResult = Schemas["MacoRead"];
export type MacoQuantity = Schemas["QuantityRead"];
export type MacoStep = Schemas["StepRead"];

export function listDocumentTypes(): Promise<DocumentType[]> {
  return unwrap(api.GET("/api/v1/pharma/document-types"));
}

export type DocumentFilters = { type?: string; status?: VersionStatus; q?: string; limit: number; offset: number };

export function listDocuments(filters: DocumentFilters): Promise<DocumentPage> {
  const query = { ...filters, type: filters.type || undefined, q: filters.q || undefined };
  return unwrap(api.GET("/api/v1/pharma/documents", { params: { query } }));
}

export function createDocument(body: { type: string; title: string; inputs: Record<string, unknown> }): Promise<PharmaDocument> {
  return unwrap(api.POST("/api/v1/pharma/documents", { body }));
}

export function getDocument(id: string): Promise<PharmaDocument> {
  return unwrap(api.GET("/api/v1/pharma/documents/{document_id}", { params: { path: { document_id: id } } }));
}

const versionPath = (id: string, number: number) => ({ path: { document_id: id, number } });

export function getVersion(id: string, number: number): Promise<Version> {
  return unwrap(api.GET("/api/v1/pharma/documents/{document_id}/versions/{number}", { params: versionPath(id, number) }));
}

export function updateVersion(id: string, number: number, inputs: Record<string, unknown>, changeNote?: string): Promise<Version> {
  return unwrap(
    api.PUT("/api/v1/pharma/documents/{document_id}/versions/{number}", {
      params: versionPath(id, number),
      body: { inputs, change_note: changeNote || null },
    }),
  );
}

export function newVersion(id: string, changeNote?: string): Promise<Version> {
  return unwrap(
    api.POST("/api/v1/pharma/documents/{document_id}/versions", {
      params: { path: { document_id: id } },
      body: { change_note: changeNote || null },
    }),
  );
}

export function signVersion(id: string, number: number, body: SignatureCreate): Promise<Version> {
  return unwrap(api.POST("/api/v1/pharma/documents/{document_id}/versions/{number}/signatures", { params: versionPath(id, number), body }));
}

export function rejectVersion(id: string, number: number, reason: string): Promise<Version> {
  return unwrap(
    api.POST("/api/v1/pharma/documents/{document_id}/versions/{number}/reject", { params: versionPath(id, number), body: { reason } }),
  );
}

export async function previewVersion(id: string, number: number): Promise<string> {
  const data = await unwrap(api.GET("/api/v1/pharma/documents/{document_id}/versions/{number}/preview", { params: versionPath(id, number) }));
  return data.markdown;
}

export function diffVersions(id: string, from: number, to: number): Promise<VersionDiff> {
  return unwrap(api.GET("/api/v1/pharma/documents/{document_id}/diff", { params: { path: { document_id: id }, query: { from, to } } }));
}

/** The exported file and the server's Content-Disposition (for its download name). */
export async function exportVersion(id: string, number: number, format: ExportFormat): Promise<{ blob: Blob; disposition: string | null }> {
  let result;
  try {
    // The call goes through the typed client so the Bearer token (and its refresh) applies.
    result = await api.GET("/api/v1/pharma/documents/{document_id}/versions/{number}/export", {
      params: { ...versionPath(id, number), query: { format } },
      parseAs: "blob",
    });
  } catch (e) {
    throw toApiError(e);
  }
  if (!result.response.ok) {
    let body: unknown = result.error;
    if (body instanceof Blob) {
      try {
        body = JSON.parse(await body.text());
      } catch {
        /* not JSON: toApiError reports the status */
      }
    }
    throw toApiError(body, result.response);
  }
  return { blob: result.data as unknown as Blob, disposition: result.response.headers.get("Content-Disposition") };
}

export function computeMaco(body: MacoCreate, signal?: AbortSignal): Promise<MacoResult> {
  return unwrap(api.POST("/api/v1/pharma/maco", { body, signal }));
}
