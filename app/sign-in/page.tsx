import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getAuthState } from '@/app/lib/auth/get-auth-state';
import { getAuthConfig } from '@/app/lib/auth/resolve-auth-config';
import { sanitizeNextPath } from '@/app/lib/auth/sanitize-next-path';
import { SIGN_IN_ERROR_MESSAGES, type SignInErrorCode } from '@/app/lib/auth/sign-in-schema';
import { SignInForm } from '@/app/ui/auth/sign-in-form';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const next = sanitizeNextPath(first(params.next));
  const config = getAuthConfig();
  if (config.mode === 'open' || (await getAuthState()).signedIn) redirect(next);
  const errorCode = first(params.error);
  const initialError =
    errorCode && Object.hasOwn(SIGN_IN_ERROR_MESSAGES, errorCode)
      ? SIGN_IN_ERROR_MESSAGES[errorCode as SignInErrorCode]
      : null;

  return (
    <section aria-labelledby="sign-in-heading" className="mx-auto mt-6 w-full max-w-sm sm:mt-16">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 id="sign-in-heading" className="text-xl font-semibold tracking-tight">
          Sign in
        </h1>
        <p className="mt-1 text-sm text-slate-600">Enter the dashboard password to follow your envelopes.</p>
        {config.mode === 'misconfigured' ? (
          <p role="alert" className="mt-6 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            Sign-in is not set up correctly on this server. {config.problem}
          </p>
        ) : (
          <SignInForm next={next} initialError={initialError} />
        )}
      </div>
      <p className="mt-4 text-center text-xs text-slate-500">
        The password is this server&apos;s <code className="font-mono">DASHBOARD_PASSWORD</code> setting; ask whoever
        runs it.
      </p>
    </section>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
