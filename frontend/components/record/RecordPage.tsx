"use client";

import { ActivityIcon, ShieldIcon, UserIcon } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";

import { AuthGuard } from "@/components/auth/AuthGuard";
import { PageHeader } from "@/components/PageHeader";
import { ErrorState, LoadingState } from "@/components/states";
import { Alert } from "@/components/ui/alert";
import { useUser } from "@/lib/auth/hooks";
import { getConsents, getProfile, listAllergies, listMedications, listSymptoms } from "@/lib/api/record";
import { cn } from "@/lib/utils";

import { AllergiesCard } from "./AllergiesCard";
import { ConsentsCard } from "./ConsentsCard";
import { DeleteAccountCard } from "./DeleteAccountCard";
import { DeleteRecordCard } from "./DeleteRecordCard";
import { ExportCard } from "./ExportCard";
import { MedicationsCard } from "./MedicationsCard";
import { ProfileForm } from "./ProfileForm";
import { RecordNotice } from "./RecordNotice";
import { SymptomLog } from "./SymptomLog";
import { useResource } from "./useResource";

// The three parts of the record live on one route with ?tab= (a static export has no
// dynamic segments); each link is a real URL, so Back and bookmarks work.
const TABS = [
  { id: "profile", label: "Profile", icon: UserIcon },
  { id: "symptoms", label: "Symptom log", icon: ActivityIcon },
  { id: "privacy", label: "Privacy", icon: ShieldIcon },
] as const;
type Tab = (typeof TABS)[number]["id"];

function parseTab(value: string | null): Tab {
  return TABS.some((t) => t.id === value) ? (value as Tab) : "profile";
}

function loadProfileTab() {
  return Promise.all([getProfile(), listMedications(), listAllergies()]);
}

function ProfileTab() {
  const res = useResource(loadProfileTab);
  if (res.loading && !res.data) return <LoadingState label="Loading your record…" />;
  if (res.error || !res.data) return <ErrorState error={res.error ?? new Error("No data")} title="Cannot load your record" onRetry={res.reload} />;
  const [profile, medications, allergies] = res.data;
  return (
    <div className="grid gap-6" data-testid="record-ready">
      <ProfileForm profile={profile} onSaved={(p) => res.setData((d) => d && [p, d[1], d[2]])} />
      <div className="grid gap-6 xl:grid-cols-2">
        <MedicationsCard items={medications} onChange={(m) => res.setData((d) => d && [d[0], m, d[2]])} />
        <AllergiesCard items={allergies} onChange={(a) => res.setData((d) => d && [d[0], d[1], a])} />
      </div>
    </div>
  );
}

function SymptomsTab() {
  const res = useResource(listSymptoms);
  if (res.loading && !res.data) return <LoadingState label="Loading your symptom log…" />;
  if (res.error || !res.data) return <ErrorState error={res.error ?? new Error("No data")} title="Cannot load your symptom log" onRetry={res.reload} />;
  return (
    <div data-testid="record-ready">
      <SymptomLog items={res.data} onChange={(items) => res.setData(() => items)} />
    </div>
  );
}

function PrivacyTab() {
  const user = useUser();
  const res = useResource(getConsents);
  const { reload } = res;
  // Counting erasures remounts the export card (forgetting an export whose file is now gone).
  const [erasures, setErasures] = useState(0);
  const onErased = useCallback(() => {
    setErasures((n) => n + 1);
    reload();
  }, [reload]);
  if (res.loading && !res.data) return <LoadingState label="Loading your privacy settings…" />;
  if (res.error || !res.data) return <ErrorState error={res.error ?? new Error("No data")} title="Cannot load your privacy settings" onRetry={res.reload} />;
  return (
    <div className="grid max-w-3xl gap-6" data-testid="record-ready">
      <ConsentsCard consents={res.data} onChange={(c) => res.setData(() => c)} />
      <ExportCard key={erasures} resume={erasures === 0} />
      <DeleteRecordCard onErased={onErased} />
      {user?.role === "patient" && <DeleteAccountCard mfa={user.mfa_enabled} />}
    </div>
  );
}

function RecordTabs() {
  const tab = parseTab(useSearchParams().get("tab"));
  const user = useUser();
  return (
    <div className="space-y-6">
      <PageHeader
        title="My record"
        description="Your conditions, medicines, allergies and symptoms in one place, so answers and interaction checks can take them into account."
      />
      <RecordNotice />
      {user?.role === "admin" && (
        // The API lets admins read (their own, empty) record but only patients write one.
        <Alert tone="warning" data-testid="record-admin-note">
          <p>
            Records belong to patient accounts: as an administrator you see your own, empty record and cannot save
            to it. Reading a patient&apos;s record needs an audited break-glass grant.
          </p>
        </Alert>
      )}
      <nav aria-label="Record sections" className="flex flex-wrap gap-1 border-b">
        {TABS.map((t) => {
          const active = t.id === tab;
          return (
            <Link
              key={t.id}
              href={`/record/?tab=${t.id}`}
              aria-current={active ? "page" : undefined}
              data-testid={`record-tab-${t.id}`}
              className={cn(
                "-mb-px inline-flex items-center gap-2 rounded-t-md border-b-2 px-3 py-2 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring",
                active ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
              )}
            >
              <t.icon className="size-4" aria-hidden="true" />
              {t.label}
            </Link>
          );
        })}
      </nav>
      {/* key: switching tabs remounts the tab, so each fetches fresh data. */}
      <div key={tab}>
        {tab === "profile" && <ProfileTab />}
        {tab === "symptoms" && <SymptomsTab />}
        {tab === "privacy" && <PrivacyTab />}
      </div>
    </div>
  );
}

/** /record: the patient's own encrypted record (profile, symptom log, privacy). */
export function RecordPage() {
  return (
    // The record API serves patients (their own record) and admins (read-only, break-glass).
    <AuthGuard roles={["patient", "admin"]}>
      <RecordTabs />
    </AuthGuard>
  );
}
