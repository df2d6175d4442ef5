// Runs once when the server starts (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stampPeerAddress } = await import('./app/lib/server/stamp-peer-address');
  stampPeerAddress();
  // Next.js drops Content-Length from route handlers; document downloads put it back (see the module).
  const { restoreContentLength } = await import('./app/lib/documents/restore-content-length');
  restoreContentLength();
  const { startBackgroundJobs } = await import('./app/lib/server/start-background-jobs');
  startBackgroundJobs();
}
