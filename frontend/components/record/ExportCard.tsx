"use client";

import { DownloadIcon, FileJsonIcon } from "lucide-react";
import { useEffect, useState } from "react";

import { JobProgress } from "@/components/jobs/JobProgress";
import { useJob } from "@/components/jobs/useJob";
import { ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ApiError, toApiError } from "@/lib/api/errors";
import { listJobs } from "@/lib/api/jobs";
import { downloadExport, startExport } from "@/lib/api/record";
import { isActiveStatus } from "@/lib/jobs";
import { exportStillUsable } from "@/lib/record";

/** The job type the backend gives exports (backend/record/repository.py EXPORT_JOB). */
const EXPORT_JOB = "record.export";

/** Save a Blob as a file: a temporary object URL on a hidden link, clicked once. */
function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "Export my data": start the export job, follow its progress, then download the JSON.
 * On opening, the latest export (running, or finished and not yet expired) is picked up
 * again, so leaving the page while it runs loses nothing. `resume` is off right after an
 * erasure: the old exports' files are gone then, though their jobs still say "succeeded".
 */
export function ExportCard({ resume = true }: { resume?: boolean }) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [starting, setStarting] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const job = useJob(jobId);
  const current = job.data?.id === jobId ? job.data : undefined;
  const running = starting || (jobId !== null && (!current || isActiveStatus(current.status)));

  useEffect(() => {
    if (!resume) return;
    let stale = false;
    listJobs({ type: EXPORT_JOB, limit: 1 })
      .then((page) => {
        const latest = page.items[0];
        if (!stale && latest && exportStillUsable(latest)) setJobId((id) => id ?? latest.id);
      })
      // Not being able to find an earlier export is no error: the patient can start one.
      .catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [resume]);

  async function start() {
    setFailure(null);
    setStarting(true);
    try {
      setJobId((await startExport()).job_id);
    } catch (e) {
      setFailure(toApiError(e));
    } finally {
      setStarting(false);
    }
  }

  async function download() {
    if (!jobId) return;
    setFailure(null);
    setDownloading(true);
    try {
      saveBlob(await downloadExport(jobId), `lumen-record-${jobId}.json`);
    } catch (e) {
      const error = toApiError(e);
      if (error.status === 404) setJobId(null);
      setFailure(
        error.status === 404
          ? new ApiError(error.code, "This export has expired or was erased. Start a new one.", 404)
          : error,
      );
    } finally {
      setDownloading(false);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Export my data</CardTitle>
        <CardDescription>
          One JSON file with everything LUMEN stores about you: account, profile, medicines, allergies, symptoms and
          consents. The file is kept for 24 hours, then deleted.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <Button type="button" variant="outline" onClick={start} disabled={running} data-testid="export-start">
          <FileJsonIcon aria-hidden="true" />
          {running ? "Preparing your export…" : jobId ? "Export again" : "Export my data"}
        </Button>
        {current && (
          <div aria-live="polite" data-testid="export-job" data-status={current.status}>
            <JobProgress job={current} />
          </div>
        )}
        {current?.status === "succeeded" && (
          <Button type="button" onClick={download} disabled={downloading} data-testid="export-download">
            <DownloadIcon aria-hidden="true" />
            {downloading ? "Downloading…" : "Download my data (JSON)"}
          </Button>
        )}
        {current?.status === "failed" && (
          <p className="text-sm text-red-700 dark:text-red-300" role="alert">
            The export failed{current.error?.message ? `: ${current.error.message}` : ""}. Try again.
          </p>
        )}
        {job.error && jobId && <ErrorState error={job.error} title="Cannot follow the export" />}
        {failure && <ErrorState error={failure} title="Export problem" />}
      </CardContent>
    </Card>
  );
}
