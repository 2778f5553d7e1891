import type { Metadata } from "next";
import { Suspense } from "react";

import { MedicinesPage } from "@/components/medicines/MedicinesPage";
import { LoadingState } from "@/components/states";

export const metadata: Metadata = { title: "Medicines" };

export default function Page() {
  // useSearchParams (the ?q= search) needs a Suspense boundary in a static export.
  return (
    <Suspense fallback={<LoadingState label="Loading medicines…" />}>
      <MedicinesPage />
    </Suspense>
  );
}
