import type { Metadata } from "next";
import { Suspense } from "react";

import { RecordPage } from "@/components/record/RecordPage";
import { LoadingState } from "@/components/states";

export const metadata: Metadata = { title: "My record" };

export default function Page() {
  // useSearchParams (the ?tab= switch) needs a Suspense boundary in a static export.
  return (
    <Suspense fallback={<LoadingState label="Loading your record…" />}>
      <RecordPage />
    </Suspense>
  );
}
