// Runs once when the server starts (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Traces first, so that every span of the process has a provider (only with OTEL_EXPORTER_OTLP_ENDPOINT set).
  const { startTracing } = await import('./app/lib/observability/start-tracing');
  startTracing();
  // Node's HTTP server, patched under Next.js: the TCP peer's address for network allow-lists, and Content-Length on
  // document downloads. Both are explained in the module; no Next.js API does either.
  const { installHttpServerPatches } = await import('./app/lib/server/http-server-patches');
  installHttpServerPatches();
  const { startBackgroundJobs } = await import('./app/lib/server/start-background-jobs');
  startBackgroundJobs();
  // SIGTERM and SIGINT: answer what is in flight, finish background rounds, release leases, then exit.
  const { installGracefulShutdown } = await import('./app/lib/server/graceful-shutdown');
  installGracefulShutdown();
}
