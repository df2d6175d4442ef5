export type NavigationItem = { href: string; label: string };

const EVERYONE: NavigationItem[] = [
  { href: '/', label: 'Envelopes' },
  { href: '/insights', label: 'Insights' },
  { href: '/deliveries', label: 'Deliveries' },
];

const ADMINS: NavigationItem[] = [
  { href: '/alerts', label: 'Alerts' },
  { href: '/setup', label: 'Setup' },
  { href: '/audit', label: 'Audit' },
];

/**
 * The main navigation for a visitor. Links to pages the proxy would refuse them are left out rather than shown to
 * fail; Users only where there are accounts (with sign-in off nobody signs in, so there is no one to manage).
 */
export function navigationFor({ admin, accounts }: { admin: boolean; accounts: boolean }): NavigationItem[] {
  if (!admin) return EVERYONE;
  return [...EVERYONE, ...ADMINS, ...(accounts ? [{ href: '/users', label: 'Users' }] : [])];
}
