"use client";

import { useSearchParams } from "next/navigation";

import { AuthGuard } from "@/components/auth/AuthGuard";
import { JobDetail } from "@/components/jobs/JobDetail";
import { JobsList } from "@/components/jobs/JobsList";

// Static export has no dynamic segments, so the detail view is /jobs?id=<uuid>.
// Any signed-in role may open it: the API shows admins every job and others their own.
export function JobsPage() {
  const id = useSearchParams().get("id");
  return <AuthGuard>{id ? <JobDetail key={id} id={id} /> : <JobsList />}</AuthGuard>;
}
