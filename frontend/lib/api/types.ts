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
