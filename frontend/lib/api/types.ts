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

/**
 * The body of every error response: {"error": ErrorBody}. Written by hand
 * because the OpenAPI document does not declare it yet (it lists FastAPI's
 * default HTTPValidationError for 422s, which the API never actually sends).
 */
export type ErrorBody = { code: string; message: string; details: unknown };
