"use client";

import { useSearchParams } from "next/navigation";

import { JobDetail } from "@/components/jobs/JobDetail";
import { JobsList } from "@/components/jobs/JobsList";

// Static export has no dynamic segments, so the detail view is /jobs?id=<uuid>.
export function JobsPage() {
  const id = useSearchParams().get("id");
  return id ? <JobDetail key={id} id={id} /> : <JobsList />;
}
