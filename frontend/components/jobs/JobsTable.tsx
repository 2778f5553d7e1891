"use client";

import Link from "next/link";

import type { ApiError } from "@/lib/api/errors";
import type { Job } from "@/lib/api/types";
import { formatDateTime, shortId } from "@/lib/format";

import { CancelJobButton } from "./CancelJobButton";
import { JobProgress } from "./JobProgress";

/** Jobs as a table (scrolls sideways on narrow screens), each linking to its detail page. */
export function JobsTable({
  jobs,
  typeTitles,
  onChanged,
  onError,
}: {
  jobs: Job[];
  typeTitles: Record<string, string>;
  onChanged?: () => void;
  onError?: (error: ApiError) => void;
}) {
  return (
    // Desktop: a real table. Phones: each row becomes a small card (CSS only, one DOM),
    // so nothing, the Cancel button included, hides off-screen in a sideways scroll.
    <div className="rounded-lg border md:overflow-x-auto">
      <table className="w-full text-sm max-md:block md:min-w-[720px]">
        <caption className="sr-only">Jobs, newest first</caption>
        <thead className="bg-muted/60 text-left text-xs text-muted-foreground max-md:hidden">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Job</th>
            <th scope="col" className="w-[44%] px-3 py-2 font-medium">Status and progress</th>
            <th scope="col" className="px-3 py-2 font-medium">Created</th>
            <th scope="col" className="px-3 py-2 font-medium">Finished</th>
            <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="max-md:block">
          {jobs.map((job) => (
            <tr
              key={job.id}
              className="align-top max-md:grid max-md:grid-cols-[1fr_auto] max-md:gap-x-3 max-md:gap-y-2 max-md:p-3 max-md:not-first:border-t md:border-t"
              data-testid="job-row"
              data-job-id={job.id}
            >
              <td className="md:px-3 md:py-2.5">
                <Link
                  href={`/jobs?id=${job.id}`}
                  className="rounded font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
                >
                  {typeTitles[job.type] ?? job.type}
                </Link>
                <div className="mt-0.5 font-mono text-xs text-muted-foreground">
                  <span className="whitespace-nowrap">{job.type}</span> · {shortId(job.id)}
                </div>
              </td>
              <td className="max-md:col-span-2 max-md:row-start-2 md:px-3 md:py-2.5">
                <JobProgress job={job} />
              </td>
              <td className="whitespace-nowrap text-muted-foreground max-md:col-span-2 max-md:text-xs md:px-3 md:py-2.5">
                <span className="md:hidden">Created </span>
                {formatDateTime(job.created_at, { compact: true })}
              </td>
              <td className="whitespace-nowrap text-muted-foreground max-md:col-span-2 max-md:text-xs md:px-3 md:py-2.5">
                <span className="md:hidden">Finished </span>
                {formatDateTime(job.finished_at, { compact: true })}
              </td>
              <td className="text-right max-md:col-start-2 max-md:row-start-1 md:px-3 md:py-2.5">
                <CancelJobButton job={job} onCancelled={onChanged} onError={onError} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
