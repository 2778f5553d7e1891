import { Alert } from "@/components/ui/alert";

export const DEFAULT_DISCLAIMER =
  "General drug information, not medical advice. Ask a pharmacist or doctor about your own medicines.";

/** The not-medical-advice note every Medicines page carries (the API's own wording when it sent one). */
export function Disclaimer({ text, className }: { text?: string | null; className?: string }) {
  return (
    <Alert tone="info" className={className} data-testid="disclaimer">
      <p>{text || DEFAULT_DISCLAIMER}</p>
    </Alert>
  );
}
