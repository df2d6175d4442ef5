/** Shown in development while no sign-in is set up, so nobody mistakes an open dashboard for a guarded one. */
export function NotProtectedBanner() {
  const code = 'rounded bg-amber-100 px-1 font-mono text-xs';
  return (
    <div className="border-b border-amber-300 bg-amber-50">
      <p className="mx-auto max-w-7xl px-4 py-2 text-sm text-amber-900 sm:px-6">
        <strong className="font-semibold">Not protected:</strong> anyone who can reach this address can see and change
        everything. Set <code className={code}>ADMIN_EMAIL</code> and <code className={code}>ADMIN_PASSWORD</code> (or{' '}
        <code className={code}>OIDC_ISSUER</code> for company SSO) to require sign-in.
      </p>
    </div>
  );
}
