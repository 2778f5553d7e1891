"use client";

import { ArrowLeftIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";

import { PageHeader } from "@/components/PageHeader";
import { ErrorState, LoadingState } from "@/components/states";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ApiError } from "@/lib/api/errors";
import { formatDateTime, formatDuration, formatJson } from "@/lib/format";

import { CancelJobButton } from "./CancelJobButton";
import { JobProgress } from "./JobProgress";
import { useJob } from "./useJob";

function BackLink() {
  return (
    <Link
      href="/jobs"
      className="mb-4 inline-flex items-center gap-1 rounded text-sm text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
    >
      <ArrowLeftIcon className="size-4" aria-hidden="true" /> All jobs
    </Link>
  );
}

function JsonBlock({ value, label }: { value: unknown; label: string }) {
  return (
    // A scrollable region must be reachable by keyboard to be scrolled (WCAG 2.1.1,
    // axe "scrollable-region-focusable"); the label tells screen readers what it is.
    <pre
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above
      tabIndex={0}
      aria-label={label}
      className="max-h-96 overflow-auto rounded-md bg-muted p-3 font-mono text-xs leading-relaxed outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      {formatJson(value)}
    </pre>
  );
}

/** Everything about one job, polled until it finishes. */
export function JobDetail({ id }: { id: string }) {
  const { data: job, error, loading, refresh } = useJob(id);
  const [actionError, setActionError] = useState<ApiError | null>(null);

  if (loading) return <><BackLink /><LoadingState label="Loading job…" /></>;
  if (!job) {
    const notFound = error?.code === "not_found" || error?.code === "validation_error";
    return (
      <>
        <BackLink />
        <h1 className="mb-4 text-2xl font-semibold tracking-tight">{notFound ? "Job not found" : "Job"}</h1>
        {error && (
          <ErrorState
            error={error}
            title={notFound ? "There is no job with this id" : "Could not load this job"}
            onRetry={notFound ? undefined : refresh}
          />
        )}
      </>
    );
  }

  const facts: [string, React.ReactNode][] = [
    ["Job id", <span key="id" className="font-mono text-xs break-all">{job.id}</span>],
    ["Type", <span key="type" className="font-mono text-xs">{job.type}</span>],
    ["Attempts", job.attempts],
    ["Created by", job.created_by ?? "—"],
    ["Created", formatDateTime(job.created_at)],
    ["Started", formatDateTime(job.started_at)],
    ["Finished", formatDateTime(job.finished_at)],
    ["Run time", formatDuration(job.started_at, job.finished_at)],
    ["Last update", formatDateTime(job.updated_at)],
  ];

  return (
    <div>
      <BackLink />
      <PageHeader
        title="Job details"
        description={
<span className="font-mono text-xs">{job.type}</span>
        }
        actions={<CancelJobButton job={job} size="default" onCancelled={refresh} onError={setActionError} />}
      />
      {actionError && (
        <ErrorState error={actionError} title="Could not cancel" onDismiss={() => setActionError(null)} className="mb-4" />
      )}
      {error && <ErrorState error={error} title="Lost contact with the server; retrying" className="mb-4" />}

      <div className="grid gap-4">
        <Card>
          <CardHeader>
            <CardTitle>Progress</CardTitle>
          </CardHeader>
          <CardContent>
            <JobProgress job={job} />
          </CardContent>
        </Card>

        {job.error && (
          <Card className="border-red-300 dark:border-red-900">
            <CardHeader>
              <CardTitle>Error</CardTitle>
            </CardHeader>
            <CardContent className="space-y-1 text-sm" data-testid="job-error">
              <p className="font-mono text-xs">{job.error.code}</p>
              <p>{job.error.message}</p>
            </CardContent>
          </Card>
        )}

        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm sm:gap-x-6">
              {facts.map(([term, value]) => (
                <div key={term} className="contents">
                  <dt className="text-muted-foreground">{term}</dt>
                  <dd className="min-w-0">{value}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>

        <div className="grid gap-4 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>Parameters</CardTitle>
            </CardHeader>
            <CardContent>
              <JsonBlock value={job.params} label="Job parameters (JSON)" />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Result</CardTitle>
            </CardHeader>
            <CardContent>
              {job.result ? (
                <JsonBlock value={job.result} label="Job result (JSON)" />
              ) : (
                <p className="text-sm text-muted-foreground">
                  {job.status === "succeeded" ? "This job returned no result." : "No result yet."}
                </p>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
