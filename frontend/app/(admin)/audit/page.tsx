import type { Metadata } from "next";

import { ComingSoon } from "@/components/ComingSoon";

export const metadata: Metadata = { title: "Audit log" };

export default function Page() {
  return (
    <ComingSoon href="/audit">
      A searchable, append-only record of sign-ins, document changes and data access.
    </ComingSoon>
  );
}
