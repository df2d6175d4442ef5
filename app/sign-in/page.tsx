import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getAuthConfig } from '@/app/lib/auth/resolve-auth-config';
import { sanitizeNextPath } from '@/app/lib/auth/sanitize-next-path';
import { SESSION_COOKIE_NAME } from '@/app/lib/auth/session-cookie';
import { findSessionPrincipal } from '@/app/lib/auth/sessions/find-session-principal';
import { getEnvironment } from '@/app/lib/env';
import { SignInForm } from '@/app/ui/auth/sign-in-form';
import { oidcStartHref, signInErrorMessage } from '@/app/ui/auth/sign-in-links';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const next = sanitizeNextPath(first(params.next));
  const config = getAuthConfig();
  // Signed in already: on. The proxy names nobody on this public page, so the cookie is checked here.
  const session = config.mode === 'accounts' ? (await cookies()).get(SESSION_COOKIE_NAME)?.value : undefined;
  if (config.mode === 'open' || (session && (await findSessionPrincipal({ token: session })))) redirect(next);
  const initialError = signInErrorMessage(first(params.error));

  return (
    <section aria-labelledby="sign-in-heading" className="mx-auto mt-6 w-full max-w-sm sm:mt-16">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 id="sign-in-heading" className="text-xl font-semibold tracking-tight">
          Sign in
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {config.mode === 'accounts' && !config.passwordSignIn
            ? 'Use your company account to follow your envelopes.'
            : 'Sign in with your e-mail address to follow your envelopes.'}
        </p>
        {config.mode === 'misconfigured' ? (
          <p role="alert" className="mt-6 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            Sign-in is not set up correctly on this server. {config.problem}
          </p>
        ) : (
          <SignInForm
            next={next}
            initialError={initialError}
            passwordSignIn={config.passwordSignIn}
            legacyPassword={config.legacyPassword}
            sso={config.sso ? { href: oidcStartHref(next), label: getEnvironment().OIDC_DISPLAY_NAME } : null}
          />
        )}
      </div>
      <p className="mt-4 text-center text-xs text-slate-500">
        {config.mode === 'accounts' && !config.passwordSignIn
          ? 'No access yet? An administrator of this dashboard adds people on its Users page.'
          : 'No account yet, or forgot your password? An administrator of this dashboard adds people and resets passwords on its Users page.'}
      </p>
    </section>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
