import Link from 'next/link';
import { SignedInAs, type SignedInVisitor } from './auth/signed-in-as';
import { SignOutButton } from './auth/sign-out-button';
import type { NavigationItem } from './navigation-items';

export function AppHeader({
  navigation,
  visitor = null,
}: {
  /** The links this visitor may follow (see navigationFor); null hides the navigation. */
  navigation: NavigationItem[] | null;
  /** The signed-in person; null with sign-in off, or signed out. */
  visitor?: SignedInVisitor | null;
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="relative mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
          <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-brand-600" />
          Envelope tracker
        </Link>
        {navigation ? (
          <nav aria-label="Main" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {navigation.map((item) => (
              <Link key={item.href} href={item.href} className="rounded px-1 text-slate-600 hover:text-slate-900">
                {item.label}
              </Link>
            ))}
          </nav>
        ) : null}
        {visitor ? (
          // On a phone it sits beside the name, so the navigation wrapping below costs no extra row.
          <div className="absolute right-2 top-2 flex items-center gap-1 sm:static sm:ml-auto">
            <SignedInAs visitor={visitor} />
            <SignOutButton />
          </div>
        ) : null}
      </div>
    </header>
  );
}
