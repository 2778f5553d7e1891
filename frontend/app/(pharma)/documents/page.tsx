import type { Metadata } from "next";

import { ComingSoon } from "@/components/ComingSoon";

export const metadata: Metadata = { title: "Documents" };

export default function Page() {
  return (
    <ComingSoon href="/documents">
      Generate first drafts of quality documents from templates and export them to DOCX or PDF, with long exports running as background jobs.
    </ComingSoon>
  );
}
