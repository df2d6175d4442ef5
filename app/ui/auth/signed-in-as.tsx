import Link from 'next/link';
import type { Role } from '@/app/lib/auth/roles';
import { roleLabel } from './roles-shown';

export type SignedInVisitor = { email: string; role: Role };

/**
 * Who is signed in, linking to their Account page. On a phone the e-mail gives way to its first letter, so the
 * header keeps one row beside the name of the app; the whole address stays in the link's name and tooltip.
 */
export function SignedInAs({ visitor }: { visitor: SignedInVisitor }) {
  const role = roleLabel(visitor.role);
  return (
    <Link
      href="/account"
      title={`Signed in as ${visitor.email} (${visitor.role}): your account`}
      aria-label={`Account: ${visitor.email}, ${visitor.role}`}
      className="flex min-w-0 items-center gap-1.5 rounded-md px-1.5 py-1 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
      data-testid="signed-in-as"
    >
      <span
        aria-hidden
        className="inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold uppercase text-white sm:hidden"
      >
        {visitor.email.charAt(0)}
      </span>
      <span className="hidden max-w-64 truncate sm:inline">{visitor.email}</span>
      <span className="whitespace-nowrap rounded bg-slate-100 px-1.5 py-px text-[0.6875rem] font-medium text-slate-600 ring-1 ring-inset ring-slate-400/30">
        {role}
      </span>
    </Link>
  );
}
