import type { Metadata } from "next";

import { ComingSoon } from "@/components/ComingSoon";

export const metadata: Metadata = { title: "Users" };

export default function Page() {
  return (
    <ComingSoon href="/users">
      Invite users, assign patient, pharma or admin roles, and deactivate accounts.
    </ComingSoon>
  );
}
