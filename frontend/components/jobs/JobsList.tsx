"use client";

import { PlayIcon } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";

import { PageHeader } from "@/components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { ApiError, toApiError } from "@/lib/api/errors";
import { listJobTypes, startJob } from "@/lib/api/jobs";
import type { Job } from "@/lib/api/types";
import { useUser } from "@/lib/auth/hooks";
import { JOB_STATUSES, parseStatusFilter, statusLabel } from "@/lib/jobs";

import { JobsTable } from "./JobsTable";
import { useJobs } from "./useJob";

const SELF_CHECK = "system.self_check";

/** The Jobs page: filter, watch and cancel jobs; admins see everyone's and may start a self-check. */
export function JobsList() {
  const isAdmin = useUser()?.role === "admin";
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const status = parseStatusFilter(searchParams.get("status"));

  const jobs = useJobs({ status, limit: 50 });
  const [typeTitles, setTypeTitles] = useState<Record<string, string>>({});
  const [starting, setStarting] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [announcement, setAnnouncement] = useState("");

  // Friendly titles for job types; the raw type string is a fine fallback if this fails.
  useEffect(() => {
    listJobTypes()
      .then((types) => setTypeTitles(Object.fromEntries(types.map((t) => [t.type, t.title]))))
      .catch(() => undefined);
  }, []);

  const setStatus = useCallback(
    (value: string) => {
      const params = new URLSearchParams(searchParams.toString());
      if (value) params.set("status", value);
      else params.delete("status");
      const query = params.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname, searchParams],
  );

  async function runSelfCheck() {
    setStarting(true);
    setActionError(null);
    try {
      const job: Job = await startJob(SELF_CHECK);
      setAnnouncement(`Self-check started (job ${job.id.slice(0, 8)}).`);
      jobs.refresh();
    } catch (e) {
      setActionError(toApiError(e));
    } finally {
      setStarting(false);
    }
  }

  const items = jobs.data?.items ?? [];
  const summary = useMemo(() => {
    if (!jobs.data) return null;
    const { total } = jobs.data;
    return `${total} job${total === 1 ? "" : "s"}${status ? ` ${statusLabel(status).toLowerCase()}` : ""}`;
  }, [jobs.data, status]);

  return (
    <div>
      <PageHeader
        title="Jobs"
        description={`Background work run by the worker: ingestion, exports and self-checks. ${
          isAdmin ? "As an admin you see everyone's jobs." : "You see the jobs you started."
        } Active jobs update every second.`}
        actions={
          isAdmin && (
            <Button onClick={() => void runSelfCheck()} disabled={starting}>
              <PlayIcon aria-hidden="true" />
              {starting ? "Starting…" : "Run self-check"}
            </Button>
          )
        }
      />

      {/* Screen readers hear when a job starts without moving focus. */}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      <div className="mb-4 flex flex-wrap items-center gap-3">
        <label htmlFor="status-filter" className="text-sm font-medium">
          Status
        </label>
        <NativeSelect id="status-filter" value={status ?? ""} onChange={(e) => setStatus(e.target.value)}>
          <option value="">All statuses</option>
          {JOB_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </NativeSelect>
        {summary && <span className="text-sm text-muted-foreground" data-testid="jobs-summary">{summary}</span>}
      </div>

      {actionError && (
        <ErrorState error={actionError} title="That did not work" className="mb-4" onDismiss={() => setActionError(null)} />
      )}

      {jobs.loading && <LoadingState label="Loading jobs…" />}
      {!jobs.loading && jobs.error && (
        <ErrorState error={jobs.error} title="Could not load jobs" onRetry={jobs.refresh} className="mb-4" />
      )}
      {jobs.data && items.length === 0 && (
        <EmptyState title={status ? `No ${statusLabel(status).toLowerCase()} jobs` : "No jobs yet"}>
          {status
            ? "Try another status filter."
            : isAdmin
              ? "Run a self-check to see a job move through the queue."
              : "Jobs you start will show up here."}
        </EmptyState>
      )}
      {items.length > 0 && (
        <JobsTable jobs={items} typeTitles={typeTitles} onChanged={jobs.refresh} onError={setActionError} />
      )}
      {jobs.data && jobs.data.total > items.length && (
        <p className="mt-2 text-xs text-muted-foreground">Showing the newest {items.length} of {jobs.data.total}.</p>
      )}
    </div>
  );
}
