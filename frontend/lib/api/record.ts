// Patient-record calls (backend/record). Each returns data or throws ApiError (see unwrap).
// The record's types are named here rather than in types.ts so this feature stays in its own files.
import { api } from "./client";
import { toApiError, unwrap } from "./errors";
import type { components } from "./schema";

type Schemas = components["schemas"];

export type Profile = Schemas["ProfileRead"];
export type ProfileUpdate = Schemas["ProfileUpdate"];
export type Sex = NonNullable<ProfileUpdate["sex"]>;
export type Medication = Schemas["MedicationRead"];
export type MedicationCreate = Schemas["MedicationCreate"];
export type MedicationUpdate = Schemas["MedicationUpdate"];
export type Allergy = Schemas["AllergyRead"];
export type AllergyCreate = Schemas["AllergyCreate"];
export type AllergyUpdate = Schemas["AllergyUpdate"];
export type AllergySeverity = NonNullable<AllergyCreate["severity"]>;
export type Symptom = Schemas["SymptomRead"];
export type SymptomCreate = Schemas["SymptomCreate"];
export type Consents = Schemas["ConsentRead"];
export type ConsentUpdate = Schemas["ConsentUpdate"];
export type ExportStarted = Schemas["ExportRead"];
export type Erasure = Schemas["ErasureRead"];

/** The server's largest page; a patient's own lists are short, so one page is the whole list. */
const ALL = 200;

export function getProfile(): Promise<Profile> {
  return unwrap(api.GET("/api/v1/record/profile"));
}

export function putProfile(body: ProfileUpdate): Promise<Profile> {
  return unwrap(api.PUT("/api/v1/record/profile", { body }));
}

export async function listMedications(): Promise<Medication[]> {
  const page = await unwrap(api.GET("/api/v1/record/medications", { params: { query: { limit: ALL } } }));
  return page.items;
}

export function createMedication(body: MedicationCreate): Promise<Medication> {
  return unwrap(api.POST("/api/v1/record/medications", { body }));
}

/** Change a medication; the server re-checks the merged result (e.g. date order). */
export function updateMedication(id: string, body: MedicationUpdate): Promise<Medication> {
  return unwrap(api.PATCH("/api/v1/record/medications/{item_id}", { params: { path: { item_id: id } }, body }));
}

export async function deleteMedication(id: string): Promise<void> {
  await unwrap(api.DELETE("/api/v1/record/medications/{item_id}", { params: { path: { item_id: id } } }));
}

export async function listAllergies(): Promise<Allergy[]> {
  const page = await unwrap(api.GET("/api/v1/record/allergies", { params: { query: { limit: ALL } } }));
  return page.items;
}

export function createAllergy(body: AllergyCreate): Promise<Allergy> {
  return unwrap(api.POST("/api/v1/record/allergies", { body }));
}

export function updateAllergy(id: string, body: AllergyUpdate): Promise<Allergy> {
  return unwrap(api.PATCH("/api/v1/record/allergies/{item_id}", { params: { path: { item_id: id } }, body }));
}

export async function deleteAllergy(id: string): Promise<void> {
  await unwrap(api.DELETE("/api/v1/record/allergies/{item_id}", { params: { path: { item_id: id } } }));
}

/** Symptom entries, newest first (the server's order). */
export async function listSymptoms(): Promise<Symptom[]> {
  const page = await unwrap(api.GET("/api/v1/record/symptoms", { params: { query: { limit: ALL } } }));
  return page.items;
}

export function createSymptom(body: SymptomCreate): Promise<Symptom> {
  return unwrap(api.POST("/api/v1/record/symptoms", { body }));
}

export async function deleteSymptom(id: string): Promise<void> {
  await unwrap(api.DELETE("/api/v1/record/symptoms/{item_id}", { params: { path: { item_id: id } } }));
}

export function getConsents(): Promise<Consents> {
  return unwrap(api.GET("/api/v1/record/consents"));
}

export function putConsents(body: ConsentUpdate): Promise<Consents> {
  return unwrap(api.PUT("/api/v1/record/consents", { body }));
}

/** Queue the export job; follow it with useJob(job_id), then downloadExport(job_id). */
export function startExport(): Promise<ExportStarted> {
  return unwrap(api.POST("/api/v1/record/exports"));
}

/**
 * The finished export as a Blob. Fetched through the client (not a plain link) because the
 * download needs the Bearer token, which lives in memory, not in a cookie.
 */
export async function downloadExport(jobId: string): Promise<Blob> {
  try {
    const { data, error, response } = await api.GET("/api/v1/record/exports/{job_id}", {
      params: { path: { job_id: jobId } },
      parseAs: "blob",
    });
    if (error !== undefined || !response.ok || !data) throw toApiError(error, response);
    return data;
  } catch (e) {
    throw toApiError(e);
  }
}

/** Crypto-shred the whole record (irreversible). */
export function eraseRecord(): Promise<Erasure> {
  return unwrap(api.DELETE("/api/v1/record"));
}

/** Delete the patient's own account (the record is erased too); needs the password again. */
export function deleteAccount(password: string, totpCode?: string): Promise<Schemas["AccountDeleted"]> {
  return unwrap(api.DELETE("/api/v1/auth/me", { body: { password, totp_code: totpCode || null } }));
}
