/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Wasm database drivers must be loaded by Node at run time, not bundled.
  serverExternalPackages: ['better-sqlite3', 'pg', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
