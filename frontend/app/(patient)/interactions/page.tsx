import type { Metadata } from "next";
import { Suspense } from "react";

import { InteractionChecker } from "@/components/medicines/InteractionChecker";
import { LoadingState } from "@/components/states";

export const metadata: Metadata = { title: "Interaction checker" };

export default function Page() {
  // useSearchParams (?add=<drug> from a drug page) needs a Suspense boundary in a static export.
  return (
    <Suspense fallback={<LoadingState label="Loading the interaction checker…" />}>
      <InteractionChecker />
    </Suspense>
  );
}
