import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_ROUTE_PATTERNS, routeTemplate } from './route-template';

/** Every page and route handler under app/, as Next.js serves it ("/envelopes/[id]", "/api/hooks/[id]/test"). */
function appRoutes(): string[] {
  const root = path.join(process.cwd(), 'app');
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!['lib', 'ui', 'testing', 'generated'].includes(entry.name)) walk(path.join(directory, entry.name));
      } else if (entry.name === 'route.ts' || entry.name === 'page.tsx') {
        const route = `/${path.relative(root, directory).split(path.sep).join('/')}`.replace(/\/$/, '');
        found.push(route === '' ? '/' : route);
      }
    }
  };
  walk(root);
  // The catch-all that answers 404 for unknown API paths is "other" on purpose.
  return found.filter((route) => !route.includes('[...'));
}

describe('routeTemplate', () => {
  it('knows every page and route handler of the app', () => {
    expect([...appRoutes()].sort()).toEqual([...KNOWN_ROUTE_PATTERNS].sort());
  });

  it.each([
    ['/api/webhooks/hook_abc123', '/api/webhooks/[hookId]'],
    ['/envelopes/5f1c-9', '/envelopes/[id]'],
    ['/api/envelopes/e1/documents/retry', '/api/envelopes/[id]/documents/retry'],
    ['/api/envelopes/e1/documents/d7', '/api/envelopes/[id]/documents/[documentId]'],
    ['/api/health/live', '/api/health/live'],
    ['/', '/'],
    ['/_next/static/chunks/a.js', '/_next'],
    ['/wp-login.php', 'other'],
    ['/api/envelopes/e1/unknown/deeper', 'other'],
  ])('names %s as %s', (pathname, template) => {
    expect(routeTemplate(pathname)).toBe(template);
  });
});
