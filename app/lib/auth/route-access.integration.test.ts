import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '@/app/testing/seed-user';
import { throughProxy } from '@/app/testing/through-proxy';
import { encodePrincipal, PRINCIPAL_HEADER } from './principal';
import { ROLES, roleAtLeast, type Role } from './roles';
import { ROUTE_ACCESS, type Access } from './route-access';

// Sign-in required, as in production.
Object.assign(process.env, { NODE_ENV: 'production', PUBLIC_URL: 'http://localhost' });

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every page (GET) and every method every route handler exports, as "METHOD /template". */
function appEndpoints(): { method: string; template: string }[] {
  const root = path.join(process.cwd(), 'app');
  const found: { method: string; template: string }[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!['lib', 'ui', 'testing', 'generated'].includes(entry.name)) walk(path.join(directory, entry.name));
        continue;
      }
      if (entry.name !== 'route.ts' && entry.name !== 'page.tsx') continue;
      const template = `/${path.relative(root, directory).split(path.sep).join('/')}`.replace(/\/$/, '') || '/';
      // The catch-all answering 404 for unknown API paths needs a session like any unknown path.
      if (template.includes('[...')) continue;
      if (entry.name === 'page.tsx') found.push({ method: 'GET', template });
      else {
        const source = readFileSync(path.join(directory, entry.name), 'utf8');
        for (const method of METHODS)
          if (new RegExp(`export (?:async )?(?:function ${method}\\b|const ${method}\\b)`).test(source))
            found.push({ method, template });
      }
    }
  };
  walk(root);
  return found;
}

const endpoints = appEndpoints();

function accessOf(method: string, template: string): Access | undefined {
  return (ROUTE_ACCESS[template] as Record<string, Access> | undefined)?.[method];
}

describe('the route access table', () => {
  it('has a rule for every page and every method of every route handler, and none for what does not exist', () => {
    expect(endpoints.length).toBeGreaterThan(60);
    const missing = endpoints.filter(({ method, template }) => !accessOf(method, template));
    expect(missing.map(({ method, template }) => `${method} ${template}`)).toEqual([]);
    const known = new Set(endpoints.map(({ method, template }) => `${method} ${template}`));
    const stale = Object.entries(ROUTE_ACCESS).flatMap(([template, methods]) =>
      Object.keys(methods).map((method) => `${method} ${template}`),
    );
    expect(stale.filter((rule) => !known.has(rule))).toEqual([]);
  });
});

describe('every route with every role', () => {
  const cookies = new Map<Role, string>();
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    for (const role of ROLES) {
      const person = await seedUser({ role, label: `matrix-${role}` });
      cookies.set(role, (await person.signIn()).cookie);
      tokens.set(role, (await person.token()).token);
    }
  });

  const call = (method: string, template: string, headers: Record<string, string>) => {
    const concrete = template.replace(/\[[^\]]+\]/g, 'x1');
    return throughProxy({
      request: new NextRequest(`http://localhost${concrete}`, {
        method,
        headers: { origin: 'http://localhost', ...headers },
      }),
    });
  };

  it.each(endpoints.map(({ method, template }) => [`${method} ${template}`, method, template] as const))(
    '%s: lets each role in or refuses it as the table says',
    async (_name, method, template) => {
      const access = accessOf(method, template)!;
      const api = template.startsWith('/api/');
      const anonymous = await call(method, template, {});
      if (access === 'public') {
        expect(anonymous.status).toBe(204);
        return;
      }
      // Nobody: 401 for the API, the sign-in page for a page.
      if (api) {
        expect(anonymous.status).toBe(401);
        expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthorized' } });
      } else {
        expect(anonymous.status).toBe(307);
        expect(anonymous.headers.get('location')).toMatch(/\/sign-in/);
      }
      for (const role of ROLES) {
        for (const [how, headers] of [
          ['session', { cookie: cookies.get(role)! }],
          ['token', { authorization: `Bearer ${tokens.get(role)!}` }],
        ] as const) {
          const response = await call(method, template, headers);
          if (roleAtLeast(role, access)) expect(response.status, `${role} ${how}`).toBe(204);
          else {
            expect(response.status, `${role} ${how}`).toBe(403);
            if (api) expect(await response.json()).toMatchObject({ error: { code: 'forbidden_role' } });
          }
        }
      }
    },
  );

  it('reads a percent-encoded path as Next.js serves it: /api/%75sers is /api/users', async () => {
    const viewer = { cookie: cookies.get('viewer')! };
    for (const path of ['/api/%75sers', '/api%2Fusers', '/%61udit', '/api/hooks%2F', '/api/%61udit/export']) {
      const response = await throughProxy({
        request: new NextRequest(`http://localhost${path}`, { headers: { origin: 'http://localhost', ...viewer } }),
      });
      expect(response.status, path).toBe(403);
    }
    // A public prefix written encoded around a private path is not public.
    const sneaky = await throughProxy({
      request: new NextRequest('http://localhost/api/webhooks%2F..%2F..%2Fapi%2Fusers'),
    });
    expect(sneaky.status).toBe(401);
    const undecodable = await throughProxy({
      request: new NextRequest('http://localhost/api/%E0%A4%A', { headers: viewer }),
    });
    expect(undecodable.status).toBe(403);
  });

  it('ignores a principal header a client made up', async () => {
    const forged = encodePrincipal({
      kind: 'session',
      role: 'admin',
      userId: 'x',
      name: 'mallory@example.com',
      sessionId: 'x',
      tokenId: null,
      tokenName: null,
    });
    expect((await call('GET', '/api/audit', { [PRINCIPAL_HEADER]: forged })).status).toBe(401);
    expect(
      (await call('GET', '/api/audit', { [PRINCIPAL_HEADER]: forged, cookie: cookies.get('viewer')! })).status,
    ).toBe(403);
  });
});
