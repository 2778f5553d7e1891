import type { Metadata } from "next";

import { ComingSoon } from "@/components/ComingSoon";

export const metadata: Metadata = { title: "Knowledge base" };

export default function Page() {
  return (
    <ComingSoon href="/knowledge">
      Upload sources, watch ingestion jobs chunk and embed them, and see which documents answers are drawn from.
    </ComingSoon>
  );
}
