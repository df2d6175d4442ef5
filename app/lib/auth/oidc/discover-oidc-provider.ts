import * as client from 'openid-client';
import { isLoopbackIssuer } from './is-loopback-issuer';
import type { OidcSettings } from './oidc-settings';

const TIMEOUT_SECONDS = 10;

type DiscoveryCache = Map<string, Promise<client.Configuration>>;

// On globalThis so that Next.js dev reloads and the separate route bundles share one discovery per process.
const globalCache = globalThis as typeof globalThis & { oidcDiscoveryCache?: DiscoveryCache };

/**
 * The provider's configuration from its discovery document (endpoints, keys' address, issuer), fetched once per
 * process for each issuer and client. A failed discovery is forgotten, so the next sign-in tries again once the
 * provider is back. `clockSkewSeconds` moves the time id tokens are checked at (tests of expiry); such a configuration
 * is built from the cached one and not kept.
 */
export async function discoverOidcProvider({
  settings,
  clockSkewSeconds = 0,
}: {
  settings: Pick<OidcSettings, 'issuer' | 'clientId' | 'clientSecret'>;
  clockSkewSeconds?: number;
}): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  const insecure = issuer.protocol === 'http:';
  if (insecure && !isLoopbackIssuer(issuer))
    throw new Error(
      `Refusing to reach the OpenID provider over plain http (${settings.issuer}): tokens could be read or forged on the way. Use its https:// issuer URL.`,
    );

  const cache = (globalCache.oidcDiscoveryCache ??= new Map());
  const key = `${settings.issuer}\0${settings.clientId}`;
  let discovered = cache.get(key);
  if (!discovered) {
    discovered = client.discovery(
      issuer,
      settings.clientId,
      settings.clientSecret,
      authenticateClient(settings.clientSecret),
      {
        timeout: TIMEOUT_SECONDS,
        execute: insecure ? [client.allowInsecureRequests] : [],
      },
    );
    cache.set(key, discovered);
    discovered.catch(() => {
      if (cache.get(key) === discovered) cache.delete(key);
    });
  }
  const config = await discovered;
  if (clockSkewSeconds === 0) return config;

  const skewed = new client.Configuration(
    config.serverMetadata(),
    settings.clientId,
    { client_secret: settings.clientSecret, [client.clockSkew]: clockSkewSeconds },
    authenticateClient(settings.clientSecret),
  );
  skewed.timeout = TIMEOUT_SECONDS;
  if (insecure) client.allowInsecureRequests(skewed);
  return skewed;
}

/**
 * HTTP Basic unless the provider says it takes only form-posted secrets: Basic is what OpenID Connect assumes when a
 * provider does not say, and some providers (e.g. Okta) accept only the method a client was registered with.
 */
function authenticateClient(clientSecret: string): client.ClientAuth {
  const basic = client.ClientSecretBasic(clientSecret);
  const post = client.ClientSecretPost(clientSecret);
  return (server, metadata, body, headers) => {
    const supported = server.token_endpoint_auth_methods_supported;
    const onlyPost =
      supported && !supported.includes('client_secret_basic') && supported.includes('client_secret_post');
    return (onlyPost ? post : basic)(server, metadata, body, headers);
  };
}
