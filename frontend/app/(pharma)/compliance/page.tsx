import type { Metadata } from "next";

import { ComingSoon } from "@/components/ComingSoon";

export const metadata: Metadata = { title: "Compliance Q&A" };

export default function Page() {
  return (
    <ComingSoon href="/compliance">
      Ask about GMP and regulatory requirements and get answers quoting the guideline or SOP section they rest on.
    </ComingSoon>
  );
}
