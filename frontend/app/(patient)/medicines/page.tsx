import type { Metadata } from "next";

import { ComingSoon } from "@/components/ComingSoon";

export const metadata: Metadata = { title: "Medicines" };

export default function Page() {
  return (
    <ComingSoon href="/medicines">
      Search medicines by name, read what they are for, and check your list for known interactions.
    </ComingSoon>
  );
}
