import { SIGN_OUT_API_PATH } from '@/app/lib/auth/is-public-path';

/** A plain form post, so signing out works before (and without) JavaScript. */
export function SignOutButton() {
  return (
    <form method="post" action={SIGN_OUT_API_PATH}>
      <button
        type="submit"
        className="rounded-md px-2 py-1 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
      >
        Sign out
      </button>
    </form>
  );
}
