import type { Metadata } from "next";

import { ComingSoon } from "@/components/ComingSoon";

export const metadata: Metadata = { title: "My record" };

export default function Page() {
  return (
    <ComingSoon href="/record">
      Keep your conditions, allergies and medicines here so answers and interaction checks can take them into account.
    </ComingSoon>
  );
}
