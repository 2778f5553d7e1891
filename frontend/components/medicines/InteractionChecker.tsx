"use client";

import { ChevronDownIcon, ListChecksIcon, Loader2Icon, PillIcon, Trash2Icon } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useRef, useState } from "react";

import { AuthGuard } from "@/components/auth/AuthGuard";
import { PageHeader } from "@/components/PageHeader";
import { ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { checkInteractions } from "@/lib/api/drugs";
import { useUser } from "@/lib/auth/hooks";
import { ApiError, toApiError } from "@/lib/api/errors";
import type { CheckedDrug, DrugCandidate, InteractionCheck, InteractionReport } from "@/lib/api/types";
import {
  MAX_DRUGS,
  MAX_PROFILE_ITEMS,
  type ProfileDraft,
  addEntry,
  buildCheck,
  checkProblem,
  displayName,
  hasProfile,
  replaceEntry,
  summariseFindings,
  validationLines,
} from "@/lib/medicines";

import { ChipInput, ChipList } from "./chips";
import { Disclaimer } from "./Disclaimer";
import { DrugCombobox } from "./DrugCombobox";
import { InteractionResults } from "./InteractionResults";

const EMPTY_PROFILE: ProfileDraft = { medications: [], allergies: [], conditions: [] };

/** The server's error, with any per-field validation lines folded into its message. */
function describeError(error: ApiError): ApiError {
  const lines = validationLines(error.details);
  if (lines.length === 0) return error;
  return new ApiError(error.code, `${error.message}: ${lines.join("; ")}`, error.status, error.details);
}

function Checker() {
  const initial = useSearchParams().get("add");
  const [drugs, setDrugs] = useState<string[]>(() => (initial ? addEntry([], initial, MAX_DRUGS).items : []));
  const [profile, setProfile] = useState<ProfileDraft>(EMPTY_PROFILE);
  const [showProfile, setShowProfile] = useState(false);
  // Only a signed-in patient has a record to include; the server enforces consent and ownership.
  const isPatient = useUser()?.role === "patient";
  const [useRecord, setUseRecord] = useState(false);
  const withRecord = isPatient && useRecord;
  const [inputError, setInputError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ body: InteractionCheck; report: InteractionReport } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  const body = buildCheck(drugs, profile, withRecord);
  const stale = result !== null && JSON.stringify(result.body) !== JSON.stringify(body);
  const full = drugs.length >= MAX_DRUGS;

  function addDrug(name: string) {
    const next = addEntry(drugs, name, MAX_DRUGS, "name");
    setInputError(next.error);
    if (!next.error) {
      setDrugs(next.items);
      setFormError(null);
      setAnnouncement(`Added ${name}. ${next.items.length} medicine${next.items.length === 1 ? "" : "s"} on the list.`);
    }
  }

  function removeDrug(name: string) {
    setDrugs((d) => d.filter((x) => x !== name));
    setAnnouncement(`Removed ${name}.`);
    inputRef.current?.focus();
  }

  async function run(request: InteractionCheck) {
    setBusy(true);
    setServerError(null);
    setAnnouncement("Checking…");
    try {
      const report = await checkInteractions(request);
      setResult({ body: request, report });
      setAnnouncement(`Check complete. ${summariseFindings(report.findings)}`);
      // Move focus to the results so keyboard and screen-reader users land on them.
      requestAnimationFrame(() => resultsHeading.current?.focus());
    } catch (e) {
      setServerError(describeError(toApiError(e)));
      setAnnouncement("");
    } finally {
      setBusy(false);
    }
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const problem = checkProblem(drugs, profile, withRecord);
    setFormError(problem);
    if (problem) {
      inputRef.current?.focus();
      return;
    }
    void run(body);
  }

  /** Picking the intended drug for an ambiguous name swaps it in and checks again. */
  function pick(drug: CheckedDrug, candidate: DrugCandidate) {
    let nextDrugs = drugs;
    let nextProfile = profile;
    if (drug.origin === "profile") {
      nextProfile = { ...profile, medications: replaceEntry(profile.medications, drug.query, displayName(candidate.name)) };
    } else {
      nextDrugs = replaceEntry(drugs, drug.query, displayName(candidate.name));
    }
    setDrugs(nextDrugs);
    setProfile(nextProfile);
    setAnnouncement(`Using ${displayName(candidate.name)} for ${drug.query}.`);
    if (!checkProblem(nextDrugs, nextProfile, withRecord)) void run(buildCheck(nextDrugs, nextProfile, withRecord));
  }

  function clearAll() {
    setDrugs([]);
    setProfile(EMPTY_PROFILE);
    setResult(null);
    setServerError(null);
    setFormError(null);
    setInputError(null);
    setAnnouncement("Cleared the list.");
    inputRef.current?.focus();
  }

  const profileCount = profile.medications.length + profile.allergies.length + profile.conditions.length;

  return (
    <div>
      <PageHeader
        title="Interaction checker"
        description="Add the medicines you take (generic or brand names) and check them together. You can also add allergies, conditions and other medicines to check against."
        actions={
          <Button asChild variant="outline">
            <Link href="/medicines">
              <PillIcon aria-hidden="true" />
              Look up a medicine
            </Link>
          </Button>
        }
      />

      <p className="sr-only" aria-live="polite" data-testid="checker-announcement">
        {announcement}
      </p>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <form onSubmit={submit} noValidate className="min-w-0 space-y-4" data-testid="interaction-form" aria-label="Interaction check">
          <Card>
            <CardHeader className="pb-3">
              <CardTitle>Your medicines</CardTitle>
              <CardDescription>Add 2 to {MAX_DRUGS}. Press Enter or pick a suggestion to add each one.</CardDescription>
            </CardHeader>
            <CardContent className="space-y-3">
              <DrugCombobox
                ref={inputRef}
                id="drug-input"
                label="Medicine name"
                placeholder={full ? "List is full" : "e.g. warfarin or Advil"}
                disabled={full}
                error={inputError}
                hint={
                  full
                    ? `You have added the most one check allows (${MAX_DRUGS}). Remove one to add another.`
                    : `${drugs.length} of ${MAX_DRUGS} added.`
                }
                onAdd={addDrug}
              />
              <ChipList items={drugs} label="Medicines to check" testId="drug-chips" onRemove={removeDrug} />
            </CardContent>
          </Card>

          {isPatient && (
            <Card data-testid="use-record-card">
              <CardContent className="flex items-start gap-3 pt-6">
                <Switch id="use-record" checked={useRecord} onCheckedChange={setUseRecord} aria-describedby="use-record-help" />
                <div className="space-y-1">
                  <Label htmlFor="use-record">Include my record</Label>
                  <p id="use-record-help" className="text-sm text-muted-foreground">
                    Also checks the current medicines, allergies and conditions saved in{" "}
                    <Link href="/record/" className="underline underline-offset-2">My record</Link>. Needs your consent on the privacy
                    tab; each use is noted in the audit log (without your health details).
                  </p>
                </div>
              </CardContent>
            </Card>
          )}

          <Card>
            <CardHeader className="pb-3">
              <CardTitle>
                <button
                  type="button"
                  aria-expanded={showProfile}
                  aria-controls="profile-fields"
                  onClick={() => setShowProfile((s) => !s)}
                  className="flex w-full items-center gap-2 rounded text-left outline-none focus-visible:ring-2 focus-visible:ring-ring"
                >
                  <ChevronDownIcon
                    className={`size-4 shrink-0 transition-transform ${showProfile ? "rotate-180" : ""}`}
                    aria-hidden="true"
                  />
                  <span className="flex-1">Add my allergies and conditions</span>
                  {profileCount > 0 && <span className="text-xs font-normal text-muted-foreground">{profileCount} added</span>}
                </button>
              </CardTitle>
              <CardDescription>Optional. Used for this check only and not saved.</CardDescription>
            </CardHeader>
            <CardContent id="profile-fields" hidden={!showProfile} className="space-y-4">
              <ChipInput
                id="profile-allergies"
                label="Allergies"
                noun="allergy"
                placeholder="e.g. penicillin"
                hint="Medicines or groups you are allergic to."
                max={MAX_PROFILE_ITEMS}
                items={profile.allergies}
                onChange={(allergies) => setProfile((p) => ({ ...p, allergies }))}
              />
              <ChipInput
                id="profile-conditions"
                label="Conditions"
                noun="condition"
                placeholder="e.g. asthma, pregnancy"
                hint="Long-term conditions, or pregnancy or breastfeeding."
                max={MAX_PROFILE_ITEMS}
                items={profile.conditions}
                onChange={(conditions) => setProfile((p) => ({ ...p, conditions }))}
              />
              <ChipInput
                id="profile-medications"
                label="Other current medicines"
                noun="medicine"
                placeholder="e.g. omeprazole"
                hint="Checked against the medicines above, not against each other."
                max={MAX_PROFILE_ITEMS}
                items={profile.medications}
                onChange={(medications) => setProfile((p) => ({ ...p, medications }))}
              />
            </CardContent>
          </Card>

          {formError && (
            <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-300" data-testid="form-error">
              {formError}
            </p>
          )}

          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="lg" disabled={busy} data-testid="check-button">
              {busy ? (
                <Loader2Icon className="animate-spin motion-reduce:animate-none" aria-hidden="true" />
              ) : (
                <ListChecksIcon aria-hidden="true" />
              )}
              {busy ? "Checking…" : "Check"}
            </Button>
            {(drugs.length > 0 || hasProfile(profile) || result) && (
              <Button type="button" variant="ghost" size="lg" onClick={clearAll} disabled={busy}>
                <Trash2Icon aria-hidden="true" />
                Clear all
              </Button>
            )}
          </div>
        </form>

        <div className="min-w-0 space-y-4" aria-busy={busy}>
          {serverError && (
            <ErrorState
              error={serverError}
              title="Could not check these medicines"
              onDismiss={() => setServerError(null)}
            />
          )}
          {result ? (
            <InteractionResults
              ref={resultsHeading}
              report={result.report}
              stale={stale}
              busy={busy}
              onPick={pick}
            />
          ) : (
            <div className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground" data-testid="results-placeholder">
              Results appear here after you press Check: each problem found, how serious it is, why it happens and what to do.
            </div>
          )}
          <Disclaimer
            text={
              result?.report.disclaimer ??
              "This check uses LUMEN's reviewed interaction rules and is not medical advice. It cannot list every interaction. Do not stop or change a medicine without talking to your pharmacist or doctor."
            }
          />
        </div>
      </div>
    </div>
  );
}

/** /interactions: check a list of medicines against each other and, optionally, allergies and conditions. */
export function InteractionChecker() {
  return (
    <AuthGuard>
      <Checker />
    </AuthGuard>
  );
}
