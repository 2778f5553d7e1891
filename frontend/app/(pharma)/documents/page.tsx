import type { Metadata } from "next";
import { Suspense } from "react";

import { DocumentsPage } from "@/components/pharma/DocumentsPage";
import { LoadingState } from "@/components/states";

export const metadata: Metadata = { title: "Documents" };

export default function Page() {
  // useSearchParams (?id=, ?new=) needs a Suspense boundary in a static export.
  return (
    <Suspense fallback={<LoadingState label="Loading documents…" />}>
      <DocumentsPage />
    </Suspense>
  );
}
