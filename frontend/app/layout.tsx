import type { Metadata, Viewport } from "next";

import { AppShell } from "@/components/shell/AppShell";
import { themeInitScript } from "@/components/shell/ThemeToggle";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "LUMEN", template: "%s · LUMEN" },
  description: "Grounded medical and pharmaceutical AI: patient Q&A, triage, medicines and pharma quality documents.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The theme script changes <html class> before hydration; that difference is expected.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeInitScript }} />
      </head>
      <body>
        <AppShell>{children}</AppShell>
      </body>
    </html>
  );
}
