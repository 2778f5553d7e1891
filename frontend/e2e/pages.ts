// Every page of the app as a user finds it in the navigation. Kept separate
// from the app's own nav config so the tests check what the UI shows.
// `signedIn`: the page needs a session (the tests sign in as the admin first);
// `ready`: a test id that shows once the page has its data.
export type PageInfo = {
  section: string;
  label: string;
  path: string;
  placeholder: boolean;
  signedIn?: boolean;
  ready?: string;
};

export const PAGES: PageInfo[] = [
  { section: "Patient", label: "Chat", path: "/chat/", placeholder: true },
  { section: "Patient", label: "Symptom check", path: "/symptom-check/", placeholder: true },
  { section: "Patient", label: "Medicines", path: "/medicines/", placeholder: false, signedIn: true, ready: "medicines-search" },
  { section: "Patient", label: "Interaction checker", path: "/interactions/", placeholder: false, signedIn: true, ready: "interaction-form" },
  { section: "Patient", label: "My record", path: "/record/", placeholder: false, signedIn: true, ready: "record-ready" },
  { section: "Pharma", label: "Documents", path: "/documents/", placeholder: false, signedIn: true, ready: "documents-summary" },
  { section: "Pharma", label: "Compliance Q&A", path: "/compliance/", placeholder: true },
  { section: "Admin", label: "Jobs", path: "/jobs/", placeholder: false, signedIn: true, ready: "jobs-summary" },
  { section: "Admin", label: "Users", path: "/users/", placeholder: false, signedIn: true, ready: "users-summary" },
  { section: "Admin", label: "Audit log", path: "/audit/", placeholder: false, signedIn: true, ready: "audit-summary" },
  { section: "Admin", label: "Knowledge base", path: "/knowledge/", placeholder: true },
];
