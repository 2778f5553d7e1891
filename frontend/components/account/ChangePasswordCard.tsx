"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { changePassword } from "@/lib/api/auth";
import { toApiError } from "@/lib/api/errors";
import type { User } from "@/lib/api/types";
import { PASSWORD_MAX, PASSWORD_RULE, passwordProblem } from "@/lib/auth/messages";
import { signInHref } from "@/lib/auth/redirect";
import { continueAfterPasswordChange } from "@/lib/auth/session";

/** Change the password; other sessions are signed out by the server, this one carries on. */
export function ChangePasswordCard({ user }: { user: User }) {
  const router = useRouter();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<{ current?: string; password?: string; confirm?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    setFormError(null);
    const problem = !current ? { field: "current" as const, message: "Enter your current password." } : passwordProblem(next, confirm);
    setErrors(problem ? { [problem.field]: problem.message } : {});
    if (problem) return;
    setBusy(true);
    try {
      await changePassword({ current_password: current, new_password: next });
      const kept = await continueAfterPasswordChange(user.email, next);
      if (!kept) {
        router.replace(signInHref("/account/", "password_changed"));
        return;
      }
      setCurrent("");
      setNext("");
      setConfirm("");
      setSaved(true);
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.code === "invalid_credentials" || apiError.code === "invalid_password") {
        setErrors({ current: "That is not your current password." });
      } else {
        setFormError(apiError.message);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Password</CardTitle>
        <CardDescription>Changing it signs you out everywhere else.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {saved && (
          <Alert tone="success" role="status">
            <p>Password changed. Your other sessions were signed out.</p>
          </Alert>
        )}
        {formError && (
          <Alert tone="danger" role="alert">
            <p>{formError}</p>
          </Alert>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate className="grid max-w-sm gap-4">
          {/* Lets password managers tie the new password to the right account. */}
          <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
          <TextField id="current-password" label="Current password" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} error={errors.current} />
          <TextField id="new-password" label="New password" type="password" autoComplete="new-password" required maxLength={PASSWORD_MAX} hint={PASSWORD_RULE} value={next} onChange={(e) => setNext(e.target.value)} error={errors.password} />
          <TextField id="confirm-password" label="Confirm new password" type="password" autoComplete="new-password" required maxLength={PASSWORD_MAX} value={confirm} onChange={(e) => setConfirm(e.target.value)} error={errors.confirm} />
          <div>
            <Button type="submit" disabled={busy}>
              {busy ? "Changing…" : "Change password"}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
