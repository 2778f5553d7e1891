import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-muted-foreground">There is no page at this address.</p>
      <Link href="/" className="text-primary underline underline-offset-4">
        Go to the home page
      </Link>
    </div>
  );
}
