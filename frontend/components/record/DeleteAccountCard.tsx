"use client";

import { UserXIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogTitle,
  AlertDialogTrigger,
  DialogFooter,
} from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { type ApiError, toApiError } from "@/lib/api/errors";
import { deleteAccount } from "@/lib/api/record";
import { signOut } from "@/lib/auth/session";

/** "Delete my account": the record and the account's personal details go; sign-in ends. */
export function DeleteAccountCard({ mfa }: { mfa: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  async function remove() {
    setBusy(true);
    setFailure(null);
    try {
      await deleteAccount(password, mfa ? code : undefined);
      await signOut("user");
      router.replace("/sign-in/?deleted=1");
    } catch (e) {
      setFailure(toApiError(e));
      setBusy(false);
    }
  }

  return (
    <Card className="border-red-300 dark:border-red-900">
      <CardHeader>
        <CardTitle>Delete my account</CardTitle>
        <CardDescription>
          Erases your record as above, removes your email, name and sign-in, and ends every session and API key. The
          audit log keeps only facts without personal or health details.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <AlertDialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) { setPassword(""); setCode(""); setFailure(null); } }}>
          <AlertDialogTrigger asChild>
            <Button type="button" variant="destructive" data-testid="account-delete">
              <UserXIcon aria-hidden="true" />
              Delete my account…
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent data-testid="account-delete-dialog">
            <AlertDialogTitle>Delete your account for good?</AlertDialogTitle>
            <AlertDialogDescription>Enter your password to confirm. This cannot be undone.</AlertDialogDescription>
            <form className="grid gap-4" onSubmit={(e) => { e.preventDefault(); if (password && !busy) void remove(); }}>
              <TextField id="account-delete-password" label="Password" type="password" autoComplete="current-password"
                value={password} onChange={(e) => setPassword(e.target.value)} />
              {mfa && (
                <TextField id="account-delete-code" label="Authenticator code" inputMode="numeric" autoComplete="one-time-code"
                  value={code} onChange={(e) => setCode(e.target.value)} />
              )}
              {failure && <ErrorState error={failure} title="The account was not deleted" />}
              <DialogFooter>
                <AlertDialogCancel asChild>
                  <Button type="button" variant="outline">Cancel</Button>
                </AlertDialogCancel>
                <Button type="submit" variant="destructive" disabled={!password || busy} data-testid="account-delete-confirm">
                  {busy ? "Deleting…" : "Delete my account"}
                </Button>
              </DialogFooter>
            </form>
          </AlertDialogContent>
        </AlertDialog>
      </CardContent>
    </Card>
  );
}
