/** The Account and Users pages while nobody signs in: what would be here, and how to turn it on. */
export function AccountsOffNotice({ misconfigured = false }: { misconfigured?: boolean }) {
  const code = 'rounded bg-slate-100 px-1 font-mono text-[0.8125rem] text-slate-800';
  return (
    <div className="max-w-prose rounded-lg border border-dashed border-slate-300 bg-white px-5 py-6 text-sm text-slate-700">
      <p className="font-medium text-slate-900">
        {misconfigured ? 'Sign-in is not set up correctly on this server.' : 'Accounts need sign-in turned on.'}
      </p>
      <p className="mt-2">
        This dashboard runs without sign-in: everyone who reaches it acts as an administrator, so there are no accounts,
        passwords or personal API tokens to manage.
      </p>
      <p className="mt-2">
        Set <code className={code}>ADMIN_EMAIL</code> and <code className={code}>ADMIN_PASSWORD</code> (12 or more
        characters) to create the first administrator at the next start, or <code className={code}>OIDC_ISSUER</code>{' '}
        with its client settings for company SSO, and remove <code className={code}>DASHBOARD_AUTH=off</code> if it is
        set. People then sign in with their own e-mail address, each with a role.
      </p>
    </div>
  );
}
