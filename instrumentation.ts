// Runs once when the server starts (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stampPeerAddress } = await import('./app/lib/server/stamp-peer-address');
  stampPeerAddress();
  const { startBackgroundJobs } = await import('./app/lib/server/start-background-jobs');
  startBackgroundJobs();
}
