import { errorResponse } from '@/app/lib/api/error-response';
import { collectStateMetrics } from '@/app/lib/observability/collect-state-metrics';
import { checkMetricsAccess } from '@/app/lib/observability/metrics-access';
import { getMetrics } from '@/app/lib/observability/metrics-registry';
import { getEnvironment } from '@/app/lib/env';
import { getSourceAddress } from '@/app/lib/webhooks/source-address';

export const dynamic = 'force-dynamic';

/** `GET /api/metrics`: Prometheus text format, for METRICS_TOKEN holders or METRICS_ALLOWED_NETWORKS. */
export async function GET(request: Request) {
  const access = checkMetricsAccess({
    headers: request.headers,
    sourceAddress: getSourceAddress(request.headers, getEnvironment().TRUSTED_PROXY_HOPS),
  });
  if (!access.ok) return errorResponse(access.status, access.code, access.message);
  await collectStateMetrics();
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), {
    headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' },
  });
}
