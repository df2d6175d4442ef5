import type { Metadata, Viewport } from 'next';
import './globals.css';
import { getAuthState } from './lib/auth/get-auth-state';
import { AppHeader } from './ui/app-header';
import { NotProtectedBanner } from './ui/auth/not-protected-banner';
import { navigationFor } from './ui/navigation-items';
import { TimeZoneProvider } from './ui/format/time-zone-provider';

export const metadata: Metadata = {
  title: { default: 'Envelope tracker', template: '%s · Envelope tracker' },
  description: 'Follows e-signature envelopes from invitation to signed PDF.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const auth = await getAuthState();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        {auth.protection === 'open-development' ? <NotProtectedBanner /> : null}
        <AppHeader
          navigation={
            // Signed out, the sign-in page is all there is to see: links would only lead back to it.
            auth.protection === 'open-development' || auth.protection === 'open-disabled' || auth.signedIn
              ? navigationFor({ admin: auth.can('admin'), accounts: auth.protection === 'accounts' })
              : null
          }
          visitor={auth.signedIn && auth.principal ? { email: auth.principal.name, role: auth.principal.role } : null}
        />
        <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
          <TimeZoneProvider>{children}</TimeZoneProvider>
        </main>
      </body>
    </html>
  );
}
