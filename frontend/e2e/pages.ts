// Every page of the app as a user finds it in the navigation. Kept separate
// from the app's own nav config so the tests check what the UI shows.
export type PageInfo = { section: string; label: string; path: string; placeholder: boolean };

export const PAGES: PageInfo[] = [
  { section: "Patient", label: "Chat", path: "/chat/", placeholder: true },
  { section: "Patient", label: "Symptom check", path: "/symptom-check/", placeholder: true },
  { section: "Patient", label: "Medicines", path: "/medicines/", placeholder: true },
  { section: "Patient", label: "My record", path: "/record/", placeholder: true },
  { section: "Pharma", label: "Documents", path: "/documents/", placeholder: true },
  { section: "Pharma", label: "Compliance Q&A", path: "/compliance/", placeholder: true },
  { section: "Admin", label: "Jobs", path: "/jobs/", placeholder: false },
  { section: "Admin", label: "Users", path: "/users/", placeholder: true },
  { section: "Admin", label: "Audit log", path: "/audit/", placeholder: true },
  { section: "Admin", label: "Knowledge base", path: "/knowledge/", placeholder: true },
];
