import type { Metadata } from "next";

import { ComingSoon } from "@/components/ComingSoon";

export const metadata: Metadata = { title: "Symptom check" };

export default function Page() {
  return (
    <ComingSoon href="/symptom-check">
      Answer a few questions about your symptoms and get a suggested level of care, from self-care to urgent help, with red-flag symptoms called out.
    </ComingSoon>
  );
}
