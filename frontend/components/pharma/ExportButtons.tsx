"use client";

import { DownloadIcon } from "lucide-react";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { exportVersion, type ExportFormat } from "@/lib/api/pharma";
import { toApiError } from "@/lib/api/errors";
import { filenameFrom } from "@/lib/pharma";

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: "pdf", label: "PDF" },
  { format: "docx", label: "DOCX" },
  { format: "md", label: "Markdown" },
];

/**
 * Downloads go through the API client (they need the Bearer token, which a
 * plain link cannot send), then save the blob under the server's file name.
 */
export function ExportButtons({ documentId, number }: { documentId: string; number: number }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(format: ExportFormat) {
    setBusy(format);
    setError(null);
    try {
      const { blob, disposition } = await exportVersion(documentId, number, format);
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = filenameFrom(disposition, `document-v${number}.${format}`);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label={`Export version ${number}`}>
        {FORMATS.map(({ format, label }) => (
          <Button key={format} variant="outline" size="sm" disabled={busy !== null} onClick={() => download(format)} data-testid={`export-${format}`}>
            <DownloadIcon aria-hidden="true" /> {busy === format ? "Exporting…" : label}
          </Button>
        ))}
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
