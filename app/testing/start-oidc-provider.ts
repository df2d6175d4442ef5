import { generateKeyPair, randomBytes } from 'node:crypto';
import http from 'node:http';
import { promisify } from 'node:util';
import Provider, {
  interactionPolicy,
  type Account,
  type Adapter,
  type AdapterPayload,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { listenOnLoopback } from './listen-on-loopback';

// Relative imports only and no server-only: Playwright specs load this file outside Next.js.

export type TestOidcAccount = {
  /** Left out: the provider has no e-mail address for the person. */
  email?: string;
  email_verified?: boolean;
  name?: string;
  /** A list, or one string as some providers send a single group. */
  groups?: string | string[];
};

export type TestOidcProvider = {
  /** What the app's OIDC_ISSUER should be (unless the test wants a mismatch, see `claimedIssuerPath`). */
  issuer: string;
  /** Where the provider answers: http://127.0.0.1:<port>, without a trailing slash. */
  baseUrl: string;
  /**
   * Who signs in when the authorization request names nobody (no `login_hint`), e.g. in a browser that follows the
   * app's own sign-in button; null: the only account, if there is one.
   */
  setNextAccount: (name: string | null) => void;
  /**
   * Follows the provider's redirects from an authorization URL, as a browser would, signing in as `account` (or the
   * next account), and resolves with the URL it sends the browser back to at the redirect URI: code, state and iss.
   */
  signIn: (options: { authorizationUrl: string; account?: string }) => Promise<URL>;
  close: () => Promise<void>;
};

/**
 * A real OpenID provider (`oidc-provider`) on a free port of 127.0.0.1 over http, with one confidential client and
 * the given accounts, that signs people in without a form: the account named by the authorization request's
 * `login_hint`, else the one chosen with `setNextAccount`, else the only one. Consent is granted at once. Every
 * authorization asks again (no remembered session), so one browser can sign in as different accounts in turn.
 */
export async function startOidcProvider(options: {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  accounts: Record<string, TestOidcAccount>;
  /** Default 600. */
  idTokenTtlSeconds?: number;
  /**
   * Makes the provider name itself `<baseUrl><path>` (discovery's `issuer`, tokens' `iss`) while it answers at
   * `baseUrl`: an app configured with `baseUrl` as its issuer then meets a provider that is not the one it trusts.
   */
  claimedIssuerPath?: string;
  /** false: the e-mail, name and groups come only from the userinfo endpoint, as strictly conforming providers do. */
  claimsInIdToken?: boolean;
}): Promise<TestOidcProvider> {
  const { accounts } = options;
  let nextAccount: string | null = null;
  // Set once listening: the issuer names the port.
  let provider: Provider | undefined = undefined;
  let handle: ReturnType<Provider['callback']> | undefined = undefined;

  const server = http.createServer((request, response) => {
    if (!provider || !handle) return void response.writeHead(503).end('starting');
    if (request.url?.startsWith('/interaction/')) {
      finishInteraction(provider, request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`test OpenID provider: ${error instanceof Error ? error.message : String(error)}`);
      });
      return;
    }
    void handle(request, response);
  });
  const listener = await listenOnLoopback(server);
  const issuer = `${listener.baseUrl}${options.claimedIssuerPath ?? ''}`;

  async function finishInteraction(oidc: Provider, request: http.IncomingMessage, response: http.ServerResponse) {
    const details = await oidc.interactionDetails(request, response);
    const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : undefined;
    const names = Object.keys(accounts);
    const name = hint ?? nextAccount ?? (names.length === 1 ? names[0] : undefined);
    if (name === undefined || !Object.hasOwn(accounts, name)) {
      await oidc.interactionFinished(
        request,
        response,
        {
          error: 'access_denied',
          error_description: `the test provider has no account named ${name ?? '(none chosen)'}`,
        },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const grant = new oidc.Grant({ accountId: name, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await oidc.interactionFinished(
      request,
      response,
      { login: { accountId: name }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  const policy = interactionPolicy.base();
  // A finished login satisfies it; anything else asks again, even with a session from an earlier sign-in.
  policy
    .get('login')!
    .checks.add(
      new interactionPolicy.Check('fresh_sign_in', 'the test provider signs in on every authorization', (ctx) =>
        ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
      ),
      0,
    );

  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    adapter: memoryAdapter(),
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string): Account | undefined => {
      if (!Object.hasOwn(accounts, sub)) return undefined;
      const account = accounts[sub]!;
      return { accountId: sub, claims: () => ({ sub, ...withoutUndefined(account) }) };
    },
    // groups under openid: company providers send them by the client's settings, whatever scope the app asked for.
    claims: { openid: ['sub', 'groups'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: options.claimsInIdToken === false,
    features: { devInteractions: { enabled: false } },
    interactions: { policy, url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: options.idTokenTtlSeconds ?? 600,
      Interaction: 600,
      Session: 600,
    },
  };
  provider = new Provider(issuer, configuration);
  handle = provider.callback();
  // Errors reach the test through the client's answer; the provider's own logging would only repeat them.
  provider.on('server_error', () => {});

  return {
    issuer,
    baseUrl: listener.baseUrl,
    setNextAccount: (name) => {
      nextAccount = name;
    },
    signIn: ({ authorizationUrl, account }) =>
      followRedirects({ authorizationUrl, account, redirectUris: options.redirectUris }),
    close: async () => {
      const closed = listener.close();
      // Keep-alive connections (fetch keeps them) would otherwise hold the close until they time out.
      server.closeAllConnections();
      await closed;
    },
  };
}

const MAX_REDIRECTS = 10;

/** A browser in miniature: follows redirects with the provider's cookies until the app's redirect URI comes up. */
async function followRedirects({
  authorizationUrl,
  account,
  redirectUris,
}: {
  authorizationUrl: string;
  account?: string;
  redirectUris: string[];
}): Promise<URL> {
  const targets = new Set(redirectUris.map((uri) => withoutQuery(new URL(uri))));
  const cookies = new Map<string, string>();
  let url = new URL(authorizationUrl);
  if (account !== undefined) url.searchParams.set('login_hint', account);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (targets.has(withoutQuery(url))) return url;
    const response = await fetch(url, {
      redirect: 'manual',
      headers: cookies.size > 0 ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {},
    });
    for (const line of response.headers.getSetCookie()) keepCookie(cookies, line);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      const body = (await response.text()).replace(/\s+/g, ' ').slice(0, 500);
      throw new Error(
        `The test OpenID provider answered ${url.pathname} with ${response.status}, not a redirect: ${body}`,
      );
    }
    await response.body?.cancel();
    url = new URL(location, url);
  }
  throw new Error(
    `The test OpenID provider redirected more than ${MAX_REDIRECTS} times without reaching a redirect URI.`,
  );
}

// Paths and domains are ignored: every cookie here comes from the one provider, under distinct names.
function keepCookie(cookies: Map<string, string>, line: string) {
  const [pair = '', ...attributes] = line.split(';');
  const at = pair.indexOf('=');
  if (at <= 0) return;
  const name = pair.slice(0, at).trim();
  const expired = attributes.some((attribute) => {
    const [key = '', value = ''] = attribute.split('=').map((part) => part.trim());
    if (key.toLowerCase() === 'max-age') return Number(value) <= 0;
    if (key.toLowerCase() === 'expires') return Date.parse(value) <= Date.now();
    return false;
  });
  if (expired) cookies.delete(name);
  else cookies.set(name, pair.slice(at + 1).trim());
}

function withoutQuery(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function withoutUndefined(account: TestOidcAccount): Record<string, unknown> {
  return Object.fromEntries(Object.entries(account).filter(([, value]) => value !== undefined));
}

/**
 * The provider's state (codes, sessions, grants) in this provider's memory: oidc-provider's own in-memory adapter
 * works too but warns on every start, and is shared by every provider in the process.
 */
function memoryAdapter(): (name: string) => Adapter {
  const stored = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  const grants = new Map<string, Set<string>>();
  return (name) => {
    const key = (id: string) => `${name}:${id}`;
    const read = (id: string) => {
      const entry = stored.get(key(id));
      if (!entry) return undefined;
      if (entry.expiresAt <= Date.now()) {
        stored.delete(key(id));
        return undefined;
      }
      return entry.payload;
    };
    const findBy = (field: 'uid' | 'userCode', value: string) => {
      for (const [storedKey, entry] of stored)
        if (storedKey.startsWith(`${name}:`) && entry.payload[field] === value)
          return read(storedKey.slice(name.length + 1));
      return undefined;
    };
    return {
      upsert: async (id, payload, expiresIn) => {
        stored.set(key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
        if (payload.grantId) grants.set(payload.grantId, (grants.get(payload.grantId) ?? new Set()).add(key(id)));
      },
      find: async (id) => read(id),
      findByUid: async (uid) => findBy('uid', uid),
      findByUserCode: async (userCode) => findBy('userCode', userCode),
      consume: async (id) => {
        const payload = read(id);
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        stored.delete(key(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const storedKey of grants.get(grantId) ?? []) stored.delete(storedKey);
        grants.delete(grantId);
      },
    };
  };
}
