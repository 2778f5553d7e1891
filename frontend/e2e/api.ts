import type { APIRequestContext } from "@playwright/test";

export type JobJson = { id: string; status: string; progress: number };

// `request` must carry a Bearer token (see adminApi in session.ts): jobs need sign-in.

/** Start a self-check through the API (for tests that need a job to exist or to run long). */
export async function startSelfCheck(
  request: APIRequestContext,
  params: { steps?: number; step_seconds?: number } = {},
): Promise<JobJson> {
  const res = await request.post("/api/v1/jobs", { data: { type: "system.self_check", params } });
  if (res.status() !== 202) throw new Error(`POST /api/v1/jobs → ${res.status()}: ${await res.text()}`);
  return (await res.json()) as JobJson;
}

/** Poll a job until it reaches one of `statuses` (or fail after `timeoutMs`). */
export async function waitForJob(
  request: APIRequestContext,
  id: string,
  statuses: string[],
  timeoutMs = 45_000,
): Promise<JobJson> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await (await request.get(`/api/v1/jobs/${id}`)).json()) as JobJson;
    if (statuses.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
