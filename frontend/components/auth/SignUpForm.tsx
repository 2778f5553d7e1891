"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { register } from "@/lib/api/auth";
import { toApiError } from "@/lib/api/errors";
import { PASSWORD_MAX, PASSWORD_RULE, errorReason, fieldErrors, passwordProblem } from "@/lib/auth/messages";
import { rememberEmail } from "@/lib/auth/session";

import { AuthCard, linkClass } from "./AuthCard";

type Field = "email" | "display_name" | "password" | "confirm";

/** Create an account (role patient; an admin can change it), then sign in. */
export function SignUpForm() {
  const router = useRouter();
  const [values, setValues] = useState<Record<Field, string>>({ email: "", display_name: "", password: "", confirm: "" });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: Field) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  function validate(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(values.email.trim())) found.email = "Enter an email address like name@example.com.";
    const problem = passwordProblem(values.password, values.confirm);
    if (problem) found[problem.field] = problem.message;
    return found;
  }

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const found = validate();
    setErrors(found);
    const first = (["email", "password", "confirm"] as const).find((f) => found[f]);
    if (first) {
      e.currentTarget.querySelector<HTMLInputElement>(`#signup-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const email = values.email.trim();
      await register({ email, password: values.password, display_name: values.display_name.trim() || null });
      rememberEmail(email);
      router.push("/sign-in/?registered=1");
    } catch (err) {
      const apiError = toApiError(err);
      if (errorReason(apiError) === "email_taken") {
        setErrors({ email: "An account with this email already exists. Sign in instead, or use another email." });
      } else {
        const byField = fieldErrors(apiError);
        if (Object.keys(byField).length > 0) setErrors(byField as Partial<Record<Field, string>>);
        else setFormError(apiError.message);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title="Create an account"
      description="A LUMEN account keeps your questions, medicines and record private to you."
      footer={
        <p>
          Already have an account?{" "}
          <Link href="/sign-in/" className={linkClass}>
            Sign in
          </Link>
        </p>
      }
    >
      {formError && (
        <Alert tone="danger" role="alert">
          <p>{formError}</p>
        </Alert>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
        <TextField id="signup-email" label="Email" type="email" autoComplete="email" required value={values.email} onChange={set("email")} error={errors.email} />
        <TextField
          id="signup-display_name"
          label="Display name (optional)"
          autoComplete="name"
          maxLength={120}
          value={values.display_name}
          onChange={set("display_name")}
          error={errors.display_name}
        />
        <TextField
          id="signup-password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          maxLength={PASSWORD_MAX}
          hint={PASSWORD_RULE}
          value={values.password}
          onChange={set("password")}
          error={errors.password}
        />
        <TextField
          id="signup-confirm"
          label="Confirm password"
          type="password"
          autoComplete="new-password"
          required
          maxLength={PASSWORD_MAX}
          value={values.confirm}
          onChange={set("confirm")}
          error={errors.confirm}
        />
        <Button type="submit" disabled={busy}>
          {busy ? "Creating account…" : "Create account"}
        </Button>
      </form>
    </AuthCard>
  );
}
