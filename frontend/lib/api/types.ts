// Friendly names for the generated schema types. If the backend renames a
// schema, only this file changes.
import type { components } from "./schema";

type Schemas = components["schemas"];

export type Job = Schemas["JobRead"];
export type JobStatus = Schemas["JobStatus"];
export type JobPage = Schemas["JobPage"];
export type JobType = Schemas["JobTypeRead"];
export type JobCreate = Schemas["JobCreate"];
export type Health = Schemas["HealthRead"];
export type HealthCheck = Schemas["CheckRead"];

/** The body of every error response: {"error": ErrorBody} (declared in the OpenAPI document). */
export type ErrorBody = Schemas["ErrorDetail"];

// Accounts, API keys and the admin views (backend/auth, backend/audit).
export type Role = Schemas["Role"];
export type User = Schemas["UserRead"];
export type TokenPair = Schemas["TokenPair"];
export type MfaSetup = Schemas["MfaSetupRead"];
export type ApiKey = Schemas["ApiKeyRead"];
export type ApiKeyCreated = Schemas["ApiKeyCreated"];
export type ApiScope = Schemas["ScopeRead"];
export type AdminUser = Schemas["AdminUserRead"];
export type AdminUserPage = Schemas["AdminUserPage"];
export type AdminUserUpdate = Schemas["AdminUserUpdate"];
export type PasswordResetIssued = Schemas["ResetTokenRead"];
export type AuditEvent = Schemas["AuditRead"];
export type AuditPage = Schemas["AuditPage"];
export type AuditVerify = Schemas["ChainReport"];

// Medicines: the drug catalogue (backend/drugs) and the interaction checker (backend/interactions).
export type DrugSummary = Schemas["DrugSummary"];
export type DrugSearch = Schemas["DrugSearchRead"];
export type Drug = Schemas["DrugRead"];
export type DrugFacts = Schemas["CuratedDrug"];
export type DrugName = Schemas["DrugNameRead"];
export type DrugClass = Schemas["DrugClassRead"];
export type DrugSource = Schemas["Source"];
export type MarketStatus = Schemas["MarketStatus"];
export type InteractionCheck = Schemas["InteractionCheckCreate"];
export type InteractionProfile = Schemas["ProfileInput"];
export type InteractionReport = Schemas["InteractionReportRead"];
export type InteractionFinding = Schemas["FindingRead"];
export type CheckedDrug = Schemas["CheckedDrugRead"];
export type DrugCandidate = Schemas["CandidateRead"];
export type InteractionPair = Schemas["PairRead"];
export type Severity = Schemas["FindingRead"]["severity"];
