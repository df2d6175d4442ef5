/** @type {import('next').NextConfig} */
const nextConfig = {
  // Benchmarks and tests build into their own folder so they never clash with a developer's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Native and Wasm database drivers must be loaded by Node at run time, not bundled.
  serverExternalPackages: ['better-sqlite3', 'pg', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg'],
  poweredByHeader: false,
  // A sender configured with a trailing slash must get its answer, never a redirect.
  skipTrailingSlashRedirect: true,
};

export default nextConfig;
