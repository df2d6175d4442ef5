import { routeTemplate } from '@/app/lib/routes/route-template';
import type { Role } from './roles';

/** Who may call a route: anyone (`public`: it guards itself or needs no guard), or people of at least a role. */
export type Access = 'public' | Role;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The one table of who may do what, read by proxy.ts for every page and API request. Every page and every method
 * of every route handler has its line (route-access.integration.test.ts fails when one is added without it, and
 * calls each with every role). A method not listed needs a session; the route then answers 405 itself.
 */
export const ROUTE_ACCESS: Readonly<Record<string, Partial<Record<Method, Access>>>> = {
  // Pages.
  '/': { GET: 'viewer' },
  '/envelopes/[id]': { GET: 'viewer' },
  '/deliveries': { GET: 'viewer' },
  '/insights': { GET: 'viewer' },
  '/account': { GET: 'viewer' },
  // Setup shows hook URLs, whose id is their secret, and manages subscriptions.
  '/setup': { GET: 'admin' },
  '/alerts': { GET: 'admin' },
  '/audit': { GET: 'admin' },
  '/users': { GET: 'admin' },
  '/sign-in': { GET: 'public' },

  // Signing in and out: public, guarded by the throttle and the same-origin check.
  '/api/auth/sign-in': { POST: 'public' },
  '/api/auth/sign-out': { POST: 'public' },
  '/api/auth/oidc/start': { GET: 'public' },
  '/api/auth/oidc/callback': { GET: 'public' },
  // Signing services and probes cannot sign in: hooks carry their own secret, the sandbox checks its apiToken,
  // the metrics check METRICS_TOKEN or METRICS_ALLOWED_NETWORKS.
  '/api/webhooks/[hookId]': { GET: 'public', POST: 'public', PUT: 'public', PATCH: 'public', DELETE: 'public' },
  '/api/health': { GET: 'public' },
  '/api/health/live': { GET: 'public' },
  '/api/metrics': { GET: 'public' },
  '/api/sandbox/esignanywhere/Api/v4/envelope/[envelopeId]/remind': { GET: 'public' },
  '/api/sandbox/esignanywhere/Api/v6/envelope/[envelopeId]': { GET: 'public' },
  '/api/sandbox/esignanywhere/Api/v6/envelope/[envelopeId]/configuration': { GET: 'public' },
  '/api/sandbox/esignanywhere/Api/v6/envelope/[envelopeId]/files': { GET: 'public' },
  '/api/sandbox/esignanywhere/Api/v6/envelope/[envelopeId]/history': { GET: 'public' },
  '/api/sandbox/esignanywhere/Api/v6/file/[fileId]': { GET: 'public' },

  // Reading: every signed-in person.
  '/api/envelopes': { GET: 'viewer' },
  '/api/envelopes/[id]': { GET: 'viewer' },
  '/api/envelopes/[id]/events': { GET: 'viewer' },
  '/api/envelopes/[id]/documents/[documentId]': { GET: 'viewer' },
  // POST reserves room for the download the page starts next; it changes nothing.
  '/api/exports/envelopes': { GET: 'viewer', POST: 'viewer' },
  '/api/exports/documents': { GET: 'viewer', POST: 'viewer' },
  '/api/deliveries': { GET: 'viewer' },
  '/api/events': { GET: 'viewer' },
  '/api/alerts/history': { GET: 'viewer' },
  // One's own account and tokens (the handlers only ever touch the caller's own).
  '/api/account': { GET: 'viewer' },
  '/api/account/password': { POST: 'viewer' },
  '/api/account/sessions': { GET: 'viewer' },
  '/api/account/sessions/revoke': { POST: 'viewer' },
  '/api/tokens': { GET: 'viewer', POST: 'viewer' },
  '/api/tokens/[id]': { DELETE: 'viewer' },

  // Acting on envelopes.
  '/api/deliveries/[id]/replay': { POST: 'operator' },
  '/api/envelopes/[id]/documents/retry': { POST: 'operator' },
  '/api/envelopes/[id]/reminders': { POST: 'operator' },
  '/api/reminders': { POST: 'operator' },
  '/api/hooks/[id]/test': { POST: 'operator' },
  '/api/test-envelopes': { DELETE: 'operator' },
  // Plays a scenario through the sandbox signing service into a hook: a test notification of a kind.
  '/api/sandbox/simulations': { POST: 'operator' },

  // Configuration, people and the audit log.
  '/api/hooks': { GET: 'admin', POST: 'admin' },
  '/api/hooks/[id]': { PATCH: 'admin', DELETE: 'admin' },
  '/api/subscriptions': { GET: 'admin', POST: 'admin' },
  '/api/subscriptions/[id]': { PATCH: 'admin', DELETE: 'admin' },
  '/api/subscriptions/[id]/attempts': { GET: 'admin' },
  '/api/subscriptions/[id]/resend': { POST: 'admin' },
  '/api/subscriptions/[id]/rotate-secret': { POST: 'admin' },
  '/api/subscriptions/[id]/test': { POST: 'admin' },
  '/api/alerts/channels': { GET: 'admin', POST: 'admin' },
  '/api/alerts/channels/[id]': { GET: 'admin', PATCH: 'admin', DELETE: 'admin' },
  '/api/alerts/channels/[id]/test': { POST: 'admin' },
  '/api/alerts/rules': { GET: 'admin', POST: 'admin' },
  '/api/alerts/rules/[id]': { GET: 'admin', PATCH: 'admin', DELETE: 'admin' },
  '/api/audit': { GET: 'admin' },
  '/api/audit/export': { GET: 'admin' },
  '/api/users': { GET: 'admin', POST: 'admin' },
  '/api/users/[id]': { PATCH: 'admin' },
  '/api/users/[id]/password': { POST: 'admin' },
  '/api/users/[id]/sessions/revoke': { POST: 'admin' },
};

const ACCESS_ORDER: Access[] = ['public', 'viewer', 'operator', 'admin'];

/**
 * The access a request needs. HEAD and OPTIONS are answered like GET; unknown paths need a session. The path is read
 * as sent and percent-decoded, and the stricter of the two counts: in production Next.js also finds a route by its
 * decoded path (`/api/%75sers` is `/api/users`), so a check of the raw path alone could be walked around. A path
 * that cannot be decoded needs an admin (Next.js would not serve it anyway).
 */
export function requiredAccess({ method, pathname }: { method: string; pathname: string }): Access {
  const upper = method.toUpperCase();
  const asked = (upper === 'HEAD' || upper === 'OPTIONS' ? 'GET' : upper) as Method;
  const accessOf = (path: string) => ROUTE_ACCESS[routeTemplate(path)]?.[asked] ?? 'viewer';
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return 'admin';
  }
  const raw = accessOf(pathname);
  if (decoded === pathname) return raw;
  const fromDecoded = accessOf(decoded);
  return ACCESS_ORDER.indexOf(fromDecoded) > ACCESS_ORDER.indexOf(raw) ? fromDecoded : raw;
}
