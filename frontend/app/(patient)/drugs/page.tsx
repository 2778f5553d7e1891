import type { Metadata } from "next";
import { Suspense } from "react";

import { LoadingState } from "@/components/states";

import { DrugPage } from "./DrugPage";

export const metadata: Metadata = { title: "Medicine" };

export default function Page() {
  // useSearchParams needs a Suspense boundary in a static export.
  return (
    <Suspense fallback={<LoadingState label="Loading medicine…" />}>
      <DrugPage />
    </Suspense>
  );
}
