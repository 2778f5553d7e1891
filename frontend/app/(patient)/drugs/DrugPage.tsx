"use client";

import { useSearchParams } from "next/navigation";

import { AuthGuard } from "@/components/auth/AuthGuard";
import { DrugDetail } from "@/components/medicines/DrugDetail";

// Static export has no dynamic segments, so a drug's page is /drugs?id=<key>.
export function DrugPage() {
  const id = useSearchParams().get("id");
  return (
    <AuthGuard>
      <DrugDetail key={id ?? ""} id={id} />
    </AuthGuard>
  );
}
