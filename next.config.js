// Security headers that never depend on run-time settings, on every answer: pages and APIs (where
// proxy.ts adds the Content-Security-Policy with its nonce and, over https, Strict-Transport-Security),
// static files, and the webhook, health and metrics routes the proxy skips.
const STATIC_SECURITY_HEADERS = [
  // Browsers must not guess a type other than the one declared (an uploaded "PDF" run as a script).
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Other sites learn at most the origin, never paths and queries (envelope ids, searches).
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // No other site may frame the dashboard (clickjacking); CSP frame-ancestors says the same to newer browsers.
  { key: 'X-Frame-Options', value: 'DENY' },
];

// The routes proxy.ts skips answer JSON or plain text only: nothing there may load or run anything.
const NO_CONTENT_POLICY = { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" };

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Benchmarks and tests build into their own folder so they never clash with a developer's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Native and Wasm database drivers must be loaded by Node at run time, not bundled.
  serverExternalPackages: [
    'better-sqlite3',
    'pg',
    '@prisma/adapter-better-sqlite3',
    '@prisma/adapter-pg',
    // One registry and one logger per process: Node must load them once, not each bundle its copy.
    'prom-client',
    'pino',
    'pino-pretty',
  ],
  poweredByHeader: false,
  // A sender configured with a trailing slash must get its answer, never a redirect.
  skipTrailingSlashRedirect: true,
  async headers() {
    return [
      { source: '/:path*', headers: STATIC_SECURITY_HEADERS },
      { source: '/api/webhooks/:path*', headers: [NO_CONTENT_POLICY] },
      { source: '/api/health', headers: [NO_CONTENT_POLICY] },
      { source: '/api/health/live', headers: [NO_CONTENT_POLICY] },
      { source: '/api/metrics', headers: [NO_CONTENT_POLICY] },
    ];
  },
};

export default nextConfig;
