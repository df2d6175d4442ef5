import http from 'node:http';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { PEER_ADDRESS_HEADER } from '@/app/lib/server/http-server-patches';
import { startFakeEsignAnyWhereForFile } from '@/app/testing/fake-esignanywhere-for-file';
import { listenOnLoopback } from '@/app/testing/listen-on-loopback';
import { notifyFinishedEnvelope } from '@/app/testing/signing-test-helpers';
import { storeTestDocuments } from '@/app/testing/store-test-documents';
import { seedUser } from '@/app/testing/seed-user';
import { throughProxy } from '@/app/testing/through-proxy';
import { createTestHook, deliveriesOf, sendWebhook, uniqueEnvelopeId } from '@/app/testing/webhook-test-helpers';
import { AUDIT_ACTION_NAMES, type AuditAction } from './audit-actions';

// Every audited action, performed by a signed-in admin through the proxy and its real route handler: each must leave
// one entry naming the action, the actor, the source address, the user agent, the target and the outcome.
Object.assign(process.env, { NODE_ENV: 'production' });

const { fake, provider } = await startFakeEsignAnyWhereForFile();
// Where subscriptions and alert channels send: answers 200 to anything.
const listener = await listenOnLoopback(http.createServer((_request, response) => response.writeHead(200).end('ok')));
const receiver = { url: `${listener.baseUrl}/hooks` };
afterAll(() => listener.close());

const SOURCE = '203.0.113.7';
const AGENT = 'audit-test/1';
const admin = await seedUser({ role: 'admin', label: 'audit-admin', password: 'the audit admin password' });
let adminCookie = (await admin.signIn()).cookie;

/** Calls a route handler as Next.js would, through the proxy, from SOURCE with AGENT, as the admin (or `cookie`). */
async function call(
  handler: unknown,
  method: string,
  path: string,
  options: { body?: unknown; params?: Record<string, string>; cookie?: string } = {},
) {
  const request = new NextRequest(`http://localhost${path}`, {
    method,
    headers: {
      [PEER_ADDRESS_HEADER]: SOURCE,
      'user-agent': AGENT,
      'content-type': 'application/json',
      origin: 'http://localhost',
      host: 'localhost',
      cookie: options.cookie ?? adminCookie,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const response = await throughProxy({ request, handler: handler as never, params: options.params });
  const text = await response.text();
  expect(response.status, text).toBeLessThan(400);
  return text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : null;
}

const routes = {
  hooks: () => import('@/app/api/hooks/route'),
  hook: () => import('@/app/api/hooks/[id]/route'),
  document: () => import('@/app/api/envelopes/[id]/documents/[documentId]/route'),
  retry: () => import('@/app/api/envelopes/[id]/documents/retry/route'),
  reminder: () => import('@/app/api/envelopes/[id]/reminders/route'),
  reminders: () => import('@/app/api/reminders/route'),
  csv: () => import('@/app/api/exports/envelopes/route'),
  zip: () => import('@/app/api/exports/documents/route'),
  replay: () => import('@/app/api/deliveries/[id]/replay/route'),
  testEnvelopes: () => import('@/app/api/test-envelopes/route'),
  subscriptions: () => import('@/app/api/subscriptions/route'),
  subscription: () => import('@/app/api/subscriptions/[id]/route'),
  rotate: () => import('@/app/api/subscriptions/[id]/rotate-secret/route'),
  resend: () => import('@/app/api/subscriptions/[id]/resend/route'),
  subscriptionTest: () => import('@/app/api/subscriptions/[id]/test/route'),
  channels: () => import('@/app/api/alerts/channels/route'),
  channel: () => import('@/app/api/alerts/channels/[id]/route'),
  channelTest: () => import('@/app/api/alerts/channels/[id]/test/route'),
  rules: () => import('@/app/api/alerts/rules/route'),
  rule: () => import('@/app/api/alerts/rules/[id]/route'),
  users: () => import('@/app/api/users/route'),
  user: () => import('@/app/api/users/[id]/route'),
  userPassword: () => import('@/app/api/users/[id]/password/route'),
  userSessions: () => import('@/app/api/users/[id]/sessions/revoke/route'),
  accountPassword: () => import('@/app/api/account/password/route'),
  accountSessions: () => import('@/app/api/account/sessions/revoke/route'),
  tokens: () => import('@/app/api/tokens/route'),
  token: () => import('@/app/api/tokens/[id]/route'),
};

/** A user the admin manages. */
async function someUser() {
  return (await seedUser({ role: 'viewer', label: 'audit-subject' })).user;
}

/** A finished envelope with a stored signed PDF; its document's id. */
async function envelopeWithDocument() {
  const { envelopeId } = await notifyFinishedEnvelope();
  await storeTestDocuments({ fake, provider, envelopeId, documents: ['Loan contract.pdf'] });
  const document = await prisma.document.findFirstOrThrow({ where: { envelopeId, kind: 'signed' } });
  return { envelopeId, documentId: document.id };
}

/** An open envelope the fake signing service can remind. */
async function remindableEnvelope() {
  const { envelopeId } = await notifyFinishedEnvelope({ finish: false });
  fake.setEnvelope(envelopeId, {
    status: 'Active',
    activities: [{ email: 'ana@example.com', givenName: 'Ana', surname: 'Popescu' }],
    reminder: { Count: 1, AvoidedDueToRateLimitCount: 0, AvoidedDueToDisabledEmailCount: 0 },
  });
  return envelopeId;
}

async function subscription() {
  const routesOf = await routes.subscriptions();
  const created = await call(routesOf.POST, 'POST', '/api/subscriptions', { body: { url: receiver.url } });
  return created!.id as string;
}

async function alertChannel() {
  const created = await call((await routes.channels()).POST, 'POST', '/api/alerts/channels', {
    body: { kind: 'slack', target: `${receiver.url}/slack` },
  });
  return created!.id as string;
}

async function alertRule() {
  const channelId = await alertChannel();
  const created = await call((await routes.rules()).POST, 'POST', '/api/alerts/rules', {
    body: { kind: 'rejected', channelIds: [channelId] },
  });
  return created!.id as string;
}

type Expected = { target?: { type: string; id: string | null }; outcome?: string; detail?: Record<string, unknown> };

/** Each audited action, performed once; what its entry must say. */
const PERFORMED: Partial<Record<AuditAction, () => Promise<Expected>>> = {
  'hook.create': async () => {
    const name = `Audit hook ${uniqueEnvelopeId().slice(0, 8)}`;
    await call((await routes.hooks()).POST, 'POST', '/api/hooks', { body: { name } });
    return { target: { type: 'hook', id: name } };
  },
  'hook.update': async () => {
    const hook = await createTestHook('Audit before');
    const name = `Audit after ${hook.id.slice(0, 6)}`;
    await call((await routes.hook()).PATCH, 'PATCH', `/api/hooks/${hook.id}`, {
      body: { name },
      params: { id: hook.id },
    });
    return { target: { type: 'hook', id: name }, detail: { changed: ['name'] } };
  },
  'hook.revoke': async () => {
    const hook = await createTestHook(`Audit revoked ${uniqueEnvelopeId().slice(0, 6)}`);
    await call((await routes.hook()).DELETE, 'DELETE', `/api/hooks/${hook.id}`, { params: { id: hook.id } });
    return { target: { type: 'hook', id: hook.name } };
  },
  'document.download': async () => {
    const { envelopeId, documentId } = await envelopeWithDocument();
    const path = `/api/envelopes/${envelopeId}/documents/${documentId}`;
    await call((await routes.document()).GET, 'GET', path, { params: { id: envelopeId, documentId } });
    return { target: { type: 'envelope', id: envelopeId }, detail: { documentId, fileName: 'Loan contract.pdf' } };
  },
  'document.view': async () => {
    const { envelopeId, documentId } = await envelopeWithDocument();
    const path = `/api/envelopes/${envelopeId}/documents/${documentId}?inline=1`;
    await call((await routes.document()).GET, 'GET', path, { params: { id: envelopeId, documentId } });
    return { target: { type: 'envelope', id: envelopeId }, detail: { documentId } };
  },
  'document.fetch_retry': async () => {
    const { envelopeId } = await envelopeWithDocument();
    await call((await routes.retry()).POST, 'POST', `/api/envelopes/${envelopeId}/documents/retry`, {
      params: { id: envelopeId },
    });
    return { target: { type: 'envelope', id: envelopeId } };
  },
  'envelope.reminder': async () => {
    const envelopeId = await remindableEnvelope();
    await call((await routes.reminder()).POST, 'POST', `/api/envelopes/${envelopeId}/reminders`, {
      params: { id: envelopeId },
    });
    return { target: { type: 'envelope', id: envelopeId }, detail: { reminded: 1 } };
  },
  'envelope.reminders': async () => {
    const envelopeId = await remindableEnvelope();
    await call((await routes.reminders()).POST, 'POST', '/api/reminders', { body: { envelopeIds: [envelopeId] } });
    return { target: { type: 'envelopes', id: null }, detail: { envelopeIds: [envelopeId] } };
  },
  'export.csv': async () => {
    await call((await routes.csv()).GET, 'GET', '/api/exports/envelopes?status=completed');
    return { detail: { query: '?status=completed' } };
  },
  'export.zip': async () => {
    await call((await routes.zip()).GET, 'GET', '/api/exports/documents?kinds=all');
    return { detail: { query: '?kinds=all' } };
  },
  'delivery.replay': async () => {
    const hook = await createTestHook('Audit replay');
    await sendWebhook(hook.id, { query: { envelopeId: uniqueEnvelopeId(), action: 'workstepOpened' } });
    const [delivery] = await deliveriesOf(hook.id);
    await call((await routes.replay()).POST, 'POST', `/api/deliveries/${delivery!.id}/replay`, {
      params: { id: delivery!.id },
    });
    return { target: { type: 'delivery', id: delivery!.id } };
  },
  'test_envelopes.delete': async () => {
    await call((await routes.testEnvelopes()).DELETE, 'DELETE', '/api/test-envelopes');
    return {};
  },
  'subscription.create': async () => {
    const id = await subscription();
    return { target: { type: 'subscription', id } };
  },
  'subscription.update': async () => {
    const id = await subscription();
    await call((await routes.subscription()).PATCH, 'PATCH', `/api/subscriptions/${id}`, {
      body: { description: 'CRM' },
      params: { id },
    });
    return { target: { type: 'subscription', id }, detail: { changed: ['description'] } };
  },
  'subscription.delete': async () => {
    const id = await subscription();
    await call((await routes.subscription()).DELETE, 'DELETE', `/api/subscriptions/${id}`, { params: { id } });
    return { target: { type: 'subscription', id } };
  },
  'subscription.rotate_secret': async () => {
    const id = await subscription();
    await call((await routes.rotate()).POST, 'POST', `/api/subscriptions/${id}/rotate-secret`, { params: { id } });
    return { target: { type: 'subscription', id } };
  },
  'subscription.resend': async () => {
    const id = await subscription();
    const since = new Date(Date.now() - 60_000).toISOString();
    await call((await routes.resend()).POST, 'POST', `/api/subscriptions/${id}/resend`, {
      body: { since },
      params: { id },
    });
    return { target: { type: 'subscription', id } };
  },
  'subscription.test': async () => {
    const id = await subscription();
    await call((await routes.subscriptionTest()).POST, 'POST', `/api/subscriptions/${id}/test`, { params: { id } });
    return { target: { type: 'subscription', id }, outcome: 'success' };
  },
  'alert_channel.create': async () => {
    const id = await alertChannel();
    return { target: { type: 'alert_channel', id }, detail: { kind: 'slack' } };
  },
  'alert_channel.update': async () => {
    const id = await alertChannel();
    await call((await routes.channel()).PATCH, 'PATCH', `/api/alerts/channels/${id}`, {
      body: { name: 'Ops' },
      params: { id },
    });
    return { target: { type: 'alert_channel', id }, detail: { changed: ['name'] } };
  },
  'alert_channel.delete': async () => {
    const id = await alertChannel();
    await call((await routes.channel()).DELETE, 'DELETE', `/api/alerts/channels/${id}`, { params: { id } });
    return { target: { type: 'alert_channel', id } };
  },
  'alert_channel.test': async () => {
    const id = await alertChannel();
    await call((await routes.channelTest()).POST, 'POST', `/api/alerts/channels/${id}/test`, { params: { id } });
    return { target: { type: 'alert_channel', id }, outcome: 'success' };
  },
  'alert_rule.create': async () => {
    const id = await alertRule();
    return { target: { type: 'alert_rule', id }, detail: { kind: 'rejected' } };
  },
  'alert_rule.update': async () => {
    const id = await alertRule();
    await call((await routes.rule()).PATCH, 'PATCH', `/api/alerts/rules/${id}`, {
      body: { paused: true },
      params: { id },
    });
    return { target: { type: 'alert_rule', id }, detail: { changed: ['paused'] } };
  },
  'audit.export': async () => {
    const { GET } = await import('@/app/api/audit/export/route');
    await call(GET, 'GET', '/api/audit/export?action=hook.create');
    return { detail: { query: '?action=hook.create' } };
  },
  'alert_rule.delete': async () => {
    const id = await alertRule();
    await call((await routes.rule()).DELETE, 'DELETE', `/api/alerts/rules/${id}`, { params: { id } });
    return { target: { type: 'alert_rule', id } };
  },
  'user.create': async () => {
    const email = `audit-new-${uniqueEnvelopeId().slice(0, 8)}@example.com`;
    await call((await routes.users()).POST, 'POST', '/api/users', { body: { email, role: 'operator' } });
    return { target: { type: 'user', id: email }, detail: { role: 'operator' } };
  },
  'user.update': async () => {
    const user = await someUser();
    await call((await routes.user()).PATCH, 'PATCH', `/api/users/${user.id}`, {
      body: { role: 'operator' },
      params: { id: user.id },
    });
    return { target: { type: 'user', id: user.email }, detail: { role: ['viewer', 'operator'] } };
  },
  'user.password_reset': async () => {
    const user = await someUser();
    await call((await routes.userPassword()).POST, 'POST', `/api/users/${user.id}/password`, {
      params: { id: user.id },
    });
    return { target: { type: 'user', id: user.email } };
  },
  'user.sessions_revoke': async () => {
    const subject = await seedUser({ role: 'viewer', label: 'audit-sessions' });
    await subject.signIn();
    await call((await routes.userSessions()).POST, 'POST', `/api/users/${subject.user.id}/sessions/revoke`, {
      params: { id: subject.user.id },
    });
    return { target: { type: 'user', id: subject.email }, detail: { sessionsEnded: 1 } };
  },
  'account.password_change': async () => {
    await call((await routes.accountPassword()).POST, 'POST', '/api/account/password', {
      body: { currentPassword: 'the audit admin password', newPassword: 'the audit admin password' },
    });
    return { detail: { otherSessionsEnded: 0 } };
  },
  'account.sessions_revoke': async () => {
    // Signing out everywhere ends the admin's own session too: a session of its own for this.
    const cookie = (await admin.signIn()).cookie;
    const signedOut = await call((await routes.accountSessions()).POST, 'POST', '/api/account/sessions/revoke', {
      cookie,
    });
    expect(signedOut).toMatchObject({ ok: true });
    // The other sessions of the admin ended with it: start the admin's session afresh for the tests after.
    adminCookie = (await admin.signIn()).cookie;
    return {};
  },
  'token.create': async () => {
    const created = await call((await routes.tokens()).POST, 'POST', '/api/tokens', {
      body: { name: 'audit nightly', role: 'viewer' },
    });
    return { target: { type: 'token', id: created!.id as string }, detail: { name: 'audit nightly', role: 'viewer' } };
  },
  'token.revoke': async () => {
    const created = await call((await routes.tokens()).POST, 'POST', '/api/tokens', {
      body: { name: 'audit revoked' },
    });
    const id = created!.id as string;
    await call((await routes.token()).DELETE, 'DELETE', `/api/tokens/${id}`, { params: { id } });
    return { target: { type: 'token', id }, detail: { name: 'audit revoked' } };
  },
};

/** Audited where their own setup lives: the sign-in tests and the hook test route's. */
const PERFORMED_ELSEWHERE: AuditAction[] = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'hook.test_notification',
];

describe('the audit log', () => {
  it('has a test for every action it records', () => {
    expect([...Object.keys(PERFORMED), ...PERFORMED_ELSEWHERE].sort()).toEqual([...AUDIT_ACTION_NAMES].sort());
  });

  it.each(Object.entries(PERFORMED))(
    'records %s with actor, source, user agent, target and outcome',
    async (action, perform) => {
      const before = await prisma.auditEntry.aggregate({ _max: { id: true } });
      const expected = await perform();
      const entries = await prisma.auditEntry.findMany({
        where: { action, id: { gt: before._max.id ?? 0 }, userAgent: AGENT },
        orderBy: { id: 'asc' },
      });
      // Other actions a setup performs through routes are recorded too; this action once.
      expect(entries).toHaveLength(1);
      const [entry] = entries;
      expect(entry).toMatchObject({
        actorKind: 'session',
        actor: admin.email,
        sourceAddress: SOURCE,
        userAgent: AGENT,
        outcome: expected.outcome ?? 'success',
        targetType: expected.target?.type ?? null,
        targetId: expected.target?.id ?? null,
      });
      if (expected.detail) expect(entry!.detail).toMatchObject(expected.detail);
      const listed = await call(
        (await import('@/app/api/audit/route')).GET,
        'GET',
        `/api/audit?action=${action}&limit=5`,
      );
      expect((listed!.items as { id: number }[]).map((item) => item.id)).toContain(entry!.id);
    },
  );

  it('lists by actor, action, target and time, newest first, and exports the same as CSV', async () => {
    const hook = await createTestHook('Audit listing');
    const hookRoute = await routes.hook();
    const name = `Audit listing ${hook.id.slice(0, 8)}`;
    for (const body of [{ name }, { name, rateLimitPerSecond: 100 }]) {
      await call(hookRoute.PATCH, 'PATCH', `/api/hooks/${hook.id}`, { body, params: { id: hook.id } });
    }
    const { GET } = await import('@/app/api/audit/route');
    const query = `action=hook.update&actor=${encodeURIComponent(admin.email)}&target=${encodeURIComponent(name)}`;
    type Item = { id: number; detail: { changed: string[] } };
    const page = await call(GET, 'GET', `/api/audit?${query}&limit=1`);
    expect((page!.items as Item[]).map((item) => item.detail.changed)).toEqual([['name', 'rateLimitPerSecond']]);
    const older = await call(GET, 'GET', `/api/audit?${query}&limit=1&cursor=${String(page!.nextCursor)}`);
    expect((older!.items as Item[]).map((item) => item.detail.changed)).toEqual([['name']]);
    expect(older!.nextCursor).toBeNull();
    const future = await call(
      GET,
      'GET',
      `/api/audit?${query}&from=${new Date(Date.now() + 86_400_000).toISOString()}`,
    );
    expect(future!.items).toEqual([]);

    const { GET: exportCsv } = await import('@/app/api/audit/export/route');
    const exported = await exportCsv(new NextRequest(`http://localhost/api/audit/export?${query}`));
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = (await exported.text()).trim().split('\r\n');
    expect(rows[0]).toBe(
      '"time","actor kind","actor","action","target type","target","outcome","detail","source address","user agent"',
    );
    expect(rows.slice(1)).toHaveLength(2);
    expect(rows[1]).toContain(`"session","${admin.email}","hook.update","hook","${name}","success"`);
  });
  it('writes an IPv4 client on a dual-stack socket as its IPv4 address', async () => {
    const { POST } = await import('@/app/api/hooks/route');
    const name = `Audit address ${uniqueEnvelopeId().slice(0, 8)}`;
    const response = await POST(
      new NextRequest('http://localhost/api/hooks', {
        method: 'POST',
        headers: { [PEER_ADDRESS_HEADER]: '::ffff:192.0.2.5', 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      }),
    );
    expect(response.status).toBe(201);
    expect(await prisma.auditEntry.findFirst({ where: { action: 'hook.create', targetId: name } })).toMatchObject({
      sourceAddress: '192.0.2.5',
    });
  });

  it('refuses an unknown action in the filter, saying which exist', async () => {
    const { GET } = await import('@/app/api/audit/route');
    const response = await GET(new NextRequest('http://localhost/api/audit?action=hook.explode'));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('hook.update');
  });
});
