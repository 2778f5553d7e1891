import type { Metadata } from "next";
import { Suspense } from "react";

import { LoadingState } from "@/components/states";

import { JobsPage } from "./JobsPage";

export const metadata: Metadata = { title: "Jobs" };

export default function Page() {
  // useSearchParams needs a Suspense boundary in a static export.
  return (
    <Suspense fallback={<LoadingState label="Loading jobs…" />}>
      <JobsPage />
    </Suspense>
  );
}
