/**
 * The Content-Security-Policy of every page and API answer that proxy.ts handles.
 *
 * Scripts run only with this request's nonce ('strict-dynamic' then trusts the chunks those scripts
 * load): Next.js reads the nonce from the policy in the request headers and puts it on its own
 * scripts, which works because every page renders per request. Styles keep 'unsafe-inline': recharts
 * and React `style` attributes need it, and a nonce in style-src would make browsers ignore it.
 * `next dev` additionally needs eval (React rebuilds server error stacks with it) and a websocket for
 * hot reloading.
 */
export function contentSecurityPolicy({
  nonce,
  development,
  https,
}: {
  nonce: string;
  development: boolean;
  /** The app is reached over https (PUBLIC_URL): stray http: sub-resources are upgraded, not blocked. */
  https: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${development ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** 128 random bits, fresh for every request, so an injected script cannot guess it. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
