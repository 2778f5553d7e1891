"use client";

import { useCallback } from "react";

import { getJob, listJobs, type JobListQuery } from "@/lib/api/jobs";
import type { Job, JobPage } from "@/lib/api/types";
import { usePolling, type PollingState } from "@/lib/hooks/usePolling";
import { isActiveStatus } from "@/lib/jobs";

/** How often to poll while the worker may still change a job. */
export const ACTIVE_POLL_MS = 1000;
/** Slow refresh when nothing is running, so jobs started elsewhere still show up. */
export const IDLE_POLL_MS = 10000;

/** One job, polled every second until it finishes. Pass null to do nothing. */
export function useJob(id: string | null): PollingState<Job> {
  const fetcher = useCallback(() => getJob(id ?? ""), [id]);
  return usePolling(fetcher, {
    key: id ?? "",
    enabled: Boolean(id),
    interval: (job) => (job && !isActiveStatus(job.status) ? null : ACTIVE_POLL_MS),
  });
}

/** A page of jobs, polled every second while any of them is active. */
export function useJobs(query: JobListQuery): PollingState<JobPage> {
  const { status, type, limit, offset } = query;
  const fetcher = useCallback(() => listJobs({ status, type, limit, offset }), [status, type, limit, offset]);
  return usePolling(fetcher, {
    key: JSON.stringify([status, type, limit, offset]),
    interval: (page) => (page?.items.some((j) => isActiveStatus(j.status)) ? ACTIVE_POLL_MS : IDLE_POLL_MS),
  });
}
