// Job API calls. Each returns data or throws ApiError (see unwrap).
import { api } from "./client";
import { unwrap } from "./errors";
import type { Job, JobPage, JobStatus, JobType } from "./types";

export type JobListQuery = { status?: JobStatus | null; type?: string | null; limit?: number; offset?: number };

export function listJobs({ status, type, limit = 50, offset = 0 }: JobListQuery = {}): Promise<JobPage> {
  return unwrap(
    api.GET("/api/v1/jobs", {
      params: { query: { status: status ?? undefined, type: type ?? undefined, limit, offset } },
    }),
  );
}

export function getJob(id: string): Promise<Job> {
  return unwrap(api.GET("/api/v1/jobs/{job_id}", { params: { path: { job_id: id } } }));
}

export function listJobTypes(): Promise<JobType[]> {
  return unwrap(api.GET("/api/v1/jobs/types"));
}

/** Start a job of a registered type; the backend validates params against that type. */
export function startJob(type: string, params?: Record<string, unknown>): Promise<Job> {
  return unwrap(api.POST("/api/v1/jobs", { body: { type, params: params ?? {} } }));
}

export function cancelJob(id: string): Promise<Job> {
  return unwrap(api.POST("/api/v1/jobs/{job_id}/cancel", { params: { path: { job_id: id } } }));
}
