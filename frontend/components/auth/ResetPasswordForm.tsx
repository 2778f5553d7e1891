"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { resetPassword } from "@/lib/api/auth";
import { toApiError } from "@/lib/api/errors";
import { PASSWORD_MAX, PASSWORD_RULE, passwordProblem } from "@/lib/auth/messages";

import { AuthCard, linkClass } from "./AuthCard";

/** Set a new password with the one-time token an administrator issued (?token=…). */
export function ResetPasswordForm() {
  const token = useSearchParams().get("token") ?? "";
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const problem = passwordProblem(password, confirm);
    setErrors(problem ? { [problem.field]: problem.message } : {});
    if (problem) return;
    setBusy(true);
    try {
      await resetPassword({ token, new_password: password });
      setDone(true);
    } catch (err) {
      const apiError = toApiError(err);
      setFormError(
        apiError.status === 400 || apiError.status === 401 || apiError.status === 404 || apiError.code === "invalid_token"
          ? "This reset link is not valid or has expired. Ask an administrator for a new one."
          : apiError.message,
      );
    } finally {
      setBusy(false);
    }
  }

  const signInLink = (
    <Link href="/sign-in/" className={linkClass}>
      Sign in
    </Link>
  );

  if (!token) {
    return (
      <AuthCard title="Reset your password">
        <Alert tone="danger" role="alert">
          <p>This page needs the reset link an administrator gave you (it ends in ?token=…).</p>
        </Alert>
        <p className="text-sm">Remembered your password? {signInLink}</p>
      </AuthCard>
    );
  }

  if (done) {
    return (
      <AuthCard title="Password changed">
        <Alert tone="success" role="status">
          <p>Your new password is set and your other sessions were signed out.</p>
        </Alert>
        <p className="text-sm">{signInLink} with your new password.</p>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Reset your password" description="Choose a new password for your LUMEN account.">
      {formError && (
        <Alert tone="danger" role="alert">
          <p>{formError}</p>
        </Alert>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
        <TextField id="reset-password" label="New password" type="password" autoComplete="new-password" required maxLength={PASSWORD_MAX} hint={PASSWORD_RULE} value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} />
        <TextField id="reset-confirm" label="Confirm new password" type="password" autoComplete="new-password" required maxLength={PASSWORD_MAX} value={confirm} onChange={(e) => setConfirm(e.target.value)} error={errors.confirm} />
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Set new password"}
        </Button>
      </form>
    </AuthCard>
  );
}
