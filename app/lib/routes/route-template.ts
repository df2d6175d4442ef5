// The route a path belongs to, as the metrics and the request log name it: "/api/webhooks/[hookId]", never the hook id
// or an envelope id. Every page and route handler of app/ has its pattern here (route-template.test.ts fails when one
// is added without it); anything else is "other", so a scan of random paths cannot grow the label set.

const ROUTE_PATTERNS = [
  '/',
  '/account',
  '/alerts',
  '/audit',
  '/deliveries',
  '/envelopes/[id]',
  '/insights',
  '/setup',
  '/sign-in',
  '/users',
  '/api/account',
  '/api/account/password',
  '/api/account/sessions',
  '/api/account/sessions/revoke',
  '/api/alerts/channels',
  '/api/alerts/channels/[id]',
  '/api/alerts/channels/[id]/test',
  '/api/alerts/history',
  '/api/alerts/rules',
  '/api/alerts/rules/[id]',
  '/api/audit',
  '/api/audit/export',
  '/api/auth/oidc/callback',
  '/api/auth/oidc/start',
  '/api/auth/sign-in',
  '/api/auth/sign-out',
  '/api/deliveries',
  '/api/deliveries/[id]/replay',
  '/api/envelopes',
  '/api/envelopes/[id]',
  '/api/envelopes/[id]/documents/[documentId]',
  '/api/envelopes/[id]/documents/retry',
  '/api/envelopes/[id]/events',
  '/api/envelopes/[id]/reminders',
  '/api/events',
  '/api/exports/documents',
  '/api/exports/envelopes',
  '/api/health',
  '/api/health/live',
  '/api/hooks',
  '/api/hooks/[id]',
  '/api/hooks/[id]/test',
  '/api/metrics',
  '/api/reminders',
  '/api/sandbox/esignanywhere/Api/v4/envelope/[envelopeId]/remind',
  '/api/sandbox/esignanywhere/Api/v6/envelope/[envelopeId]',
  '/api/sandbox/esignanywhere/Api/v6/envelope/[envelopeId]/configuration',
  '/api/sandbox/esignanywhere/Api/v6/envelope/[envelopeId]/files',
  '/api/sandbox/esignanywhere/Api/v6/envelope/[envelopeId]/history',
  '/api/sandbox/esignanywhere/Api/v6/file/[fileId]',
  '/api/sandbox/simulations',
  '/api/subscriptions',
  '/api/subscriptions/[id]',
  '/api/subscriptions/[id]/attempts',
  '/api/subscriptions/[id]/resend',
  '/api/subscriptions/[id]/rotate-secret',
  '/api/subscriptions/[id]/test',
  '/api/test-envelopes',
  '/api/tokens',
  '/api/tokens/[id]',
  '/api/users',
  '/api/users/[id]',
  '/api/users/[id]/password',
  '/api/users/[id]/sessions/revoke',
  '/api/webhooks/[hookId]',
] as const;

export const KNOWN_ROUTE_PATTERNS: readonly string[] = ROUTE_PATTERNS;

type Node = { literal: Map<string, Node>; parameter: Node | null; pattern: string | null };
const newNode = (): Node => ({ literal: new Map(), parameter: null, pattern: null });

// A trie of the patterns: a literal segment wins over a parameter, as in Next.js's own routing.
const root = newNode();
for (const pattern of ROUTE_PATTERNS) {
  let node = root;
  for (const segment of pattern.split('/').filter(Boolean)) {
    if (/^\[.+\]$/.test(segment)) node = node.parameter ??= newNode();
    else {
      const next = node.literal.get(segment) ?? newNode();
      node.literal.set(segment, next);
      node = next;
    }
  }
  node.pattern = pattern;
}

/** The route pattern of a path (without its query), "/_next" for Next.js's own files, or "other". */
export function routeTemplate(pathname: string): string {
  if (pathname.startsWith('/_next/')) return '/_next';
  const segments = pathname.split('/').filter(Boolean);
  const walk = (node: Node, index: number): string | null => {
    if (index === segments.length) return node.pattern;
    const literal = node.literal.get(segments[index]!);
    const found = literal ? walk(literal, index + 1) : null;
    return found ?? (node.parameter ? walk(node.parameter, index + 1) : null);
  };
  return walk(root, 0) ?? 'other';
}
