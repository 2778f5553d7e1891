"use client";

import { PenLineIcon } from "lucide-react";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { signVersion, type SignatureMeaning, type Version } from "@/lib/api/pharma";
import { toApiError } from "@/lib/api/errors";
import { useUser } from "@/lib/auth/hooks";

const MEANING_TEXT: Record<SignatureMeaning, string> = {
  author: "Author: I wrote this version and submit it for review",
  reviewer: "Reviewer: I have reviewed this version and it is correct",
  approver: "Approver: I approve this version for use",
};

export const SIGN_LABEL: Record<SignatureMeaning, string> = {
  author: "Sign and submit for review",
  reviewer: "Sign as reviewer",
  approver: "Sign and approve",
};

/**
 * A Part 11 electronic signature: the signer states its meaning and proves who
 * they are again (password, and the authenticator code when MFA is on); the
 * server checks both and binds the signature to this version's content hash.
 */
export function SignatureDialog({
  documentId,
  version,
  meaning: suggested,
  onSigned,
}: {
  documentId: string;
  version: Version;
  meaning: SignatureMeaning;
  onSigned: (v: Version) => void;
}) {
  const user = useUser();
  const [open, setOpen] = useState(false);
  const [meaning, setMeaning] = useState<SignatureMeaning>(suggested);
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function reset(next: boolean) {
    setOpen(next);
    if (next) {
      setMeaning(suggested);
      setPassword("");
      setCode("");
      setComment("");
      setError(null);
    }
  }

  async function sign(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signed = await signVersion(documentId, version.number, {
        meaning,
        password,
        totp_code: user?.mfa_enabled ? code : null,
        comment: comment.trim() || null,
      });
      setOpen(false);
      onSigned(signed);
    } catch (err) {
      setError(toApiError(err).message);
      setPassword("");
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogTrigger asChild>
        <Button data-testid="sign-open">
          <PenLineIcon aria-hidden="true" /> {SIGN_LABEL[suggested]}
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="signature-dialog">
        <DialogTitle>Sign version {version.number}</DialogTitle>
        <DialogDescription>
          Your electronic signature is the legally binding equivalent of a handwritten one. It records your name, the date and time, its meaning and
          the content of this exact version.
        </DialogDescription>
        <form onSubmit={sign} className="grid gap-4" noValidate>
          {error && (
            <Alert tone="danger" role="alert" data-testid="signature-error">
              {error}
            </Alert>
          )}
          <div className="grid gap-1.5">
            <Label htmlFor="sig-meaning">Meaning of the signature</Label>
            <NativeSelect id="sig-meaning" value={meaning} onChange={(e) => setMeaning(e.target.value as SignatureMeaning)} className="max-w-full">
              {(Object.keys(MEANING_TEXT) as SignatureMeaning[]).map((m) => (
                <option key={m} value={m}>
                  {MEANING_TEXT[m]}
                </option>
              ))}
            </NativeSelect>
          </div>
          <TextField
            id="sig-password"
            label="Your password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            hint={`Signing as ${user?.email ?? "you"}.`}
          />
          {user?.mfa_enabled && (
            <TextField
              id="sig-totp"
              label="Authenticator code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
            />
          )}
          <TextField id="sig-comment" label="Comment (optional)" maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={busy || !password} data-testid="sign-submit">
              {busy ? "Signing…" : "Sign"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
