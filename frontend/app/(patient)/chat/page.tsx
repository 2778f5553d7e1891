import type { Metadata } from "next";

import { ComingSoon } from "@/components/ComingSoon";

export const metadata: Metadata = { title: "Chat" };

export default function Page() {
  return (
    <ComingSoon href="/chat">
      Ask a health question and get an answer drawn only from vetted sources, with each claim linked to its citation and a clear note when LUMEN does not know.
    </ComingSoon>
  );
}
