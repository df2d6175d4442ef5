import { AUDIT_ACTIONS } from '@/app/lib/audit/audit-actions';

// Each lookup asks for own keys only: a value from the database or the URL ("toString") is never read as a word.
const own = <Value>(table: Record<string, Value>, key: string): Value | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/** The action in words ("Changed a hook"); one this page does not know shows as recorded. */
export function auditActionLabel(action: string): string {
  return own<string>(AUDIT_ACTIONS, action) ?? action;
}

/** The action filter as the select shows it; several actions (a hand-written URL) are named one after another. */
export function actionFilterLabel(value: string): string {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map(auditActionLabel)
    .join(', ');
}

const ACTOR_KINDS: Record<string, { label: string; title: string }> = {
  session: { label: 'Signed in', title: 'A person signed in with their password or company SSO' },
  token: { label: 'API token', title: "Called the API with a person's API token, or the deprecated API_TOKEN" },
  proxy: { label: 'SSO', title: 'Named by the sign-in proxy in front of the app (TRUSTED_USER_HEADER)' },
  anonymous: { label: 'Not signed in', title: 'No one known: sign-in is off, or it was a failed sign-in' },
  system: {
    label: 'Command line',
    title: 'Done on the server: npm run user:create, or the first admin made at start-up',
  },
};

/** How the actor was known, for its badge. */
export function actorKindLabel(kind: string): { label: string; title: string } {
  return own(ACTOR_KINDS, kind) ?? { label: kind, title: `Actor kind "${kind}"` };
}

const TARGET_TYPES: Record<string, string> = {
  envelope: 'Envelope',
  envelopes: 'Envelopes',
  hook: 'Hook',
  subscription: 'Subscription',
  alert_channel: 'Alert channel',
  alert_rule: 'Alert rule',
  delivery: 'Delivery',
  user: 'User',
  token: 'API token',
};

/** What kind of thing an entry acted on ("Alert channel"). */
export function targetTypeLabel(type: string): string {
  const known = own(TARGET_TYPES, type);
  if (known) return known;
  const words = type.replace(/[_.-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : type;
}
