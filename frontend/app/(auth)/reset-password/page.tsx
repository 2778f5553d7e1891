import type { Metadata } from "next";
import { Suspense } from "react";

import { ResetPasswordForm } from "@/components/auth/ResetPasswordForm";
import { LoadingState } from "@/components/states";

export const metadata: Metadata = { title: "Reset your password" };

export default function Page() {
  // useSearchParams (?token=) needs a Suspense boundary in a static export.
  return (
    <Suspense fallback={<LoadingState label="Loading…" />}>
      <ResetPasswordForm />
    </Suspense>
  );
}
