import { NextRequest } from 'next/server';

type Handler = (
  request: NextRequest,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response> | Response;

/**
 * Sends a request through proxy.ts as Next.js would: the proxy's refusal or redirect is the answer; when it lets the
 * request through, the handler runs with the request headers the proxy set (the principal among them).
 */
export async function throughProxy({
  request,
  handler,
  params = {},
}: {
  request: NextRequest;
  handler?: Handler;
  params?: Record<string, string>;
}): Promise<Response> {
  const { proxy } = await import('@/proxy');
  const decision = await proxy(request);
  if (decision.headers.get('x-middleware-next') !== '1') return decision;
  if (!handler) return new Response(null, { status: 204, headers: { 'x-passed-proxy': '1' } });
  const headers = new Headers();
  const overridden = decision.headers.get('x-middleware-override-headers')?.split(',') ?? [];
  for (const name of overridden) {
    const value = decision.headers.get(`x-middleware-request-${name}`);
    if (value !== null) headers.set(name, value);
  }
  const forwarded = new NextRequest(request.url, {
    method: request.method,
    headers,
    body: ['GET', 'HEAD'].includes(request.method) ? undefined : await request.arrayBuffer(),
  });
  return handler(forwarded, { params: Promise.resolve(params) });
}
