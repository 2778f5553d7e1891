import type { Metadata } from "next";
import { Suspense } from "react";

import { SignInForm } from "@/components/auth/SignInForm";
import { LoadingState } from "@/components/states";

export const metadata: Metadata = { title: "Sign in" };

export default function Page() {
  // useSearchParams (?next=, ?reason=) needs a Suspense boundary in a static export.
  return (
    <Suspense fallback={<LoadingState label="Loading…" />}>
      <SignInForm />
    </Suspense>
  );
}
