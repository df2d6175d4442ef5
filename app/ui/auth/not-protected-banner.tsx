/** Shown in development while no password is set, so nobody mistakes an open dashboard for a guarded one. */
export function NotProtectedBanner() {
  return (
    <div className="border-b border-amber-300 bg-amber-50">
      <p className="mx-auto max-w-7xl px-4 py-2 text-sm text-amber-900 sm:px-6">
        <strong className="font-semibold">Not protected:</strong> anyone who can reach this address can see and change
        everything. Set <code className="rounded bg-amber-100 px-1 font-mono text-xs">DASHBOARD_PASSWORD</code> and{' '}
        <code className="rounded bg-amber-100 px-1 font-mono text-xs">SESSION_SECRET</code> to require sign-in.
      </p>
    </div>
  );
}
