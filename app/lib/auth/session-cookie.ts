export const SESSION_COOKIE_NAME = 'envelope_tracker_session';

/** What `response.cookies.set()` takes. */
export type SessionCookie = {
  name: string;
  value: string;
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: '/';
  maxAge: number;
};

/**
 * Whether the browser reached the app over https: directly, through a TLS-terminating proxy
 * (X-Forwarded-Proto), or as PUBLIC_URL says. A client faking the header only keeps its own cookie
 * from coming back over plain http, so the header need not come from a trusted proxy here.
 */
export function isHttpsRequest({
  url,
  headers,
  publicUrl,
}: {
  url: string;
  headers: Headers;
  publicUrl: string | null;
}) {
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return new URL(url).protocol === 'https:' || forwarded === 'https' || Boolean(publicUrl?.startsWith('https:'));
}

/**
 * HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site posts), Secure over https. It lasts as long as
 * the session may; the database ends it sooner when idle or revoked.
 */
export function sessionCookie({
  token,
  expiresAt,
  secure,
  now = new Date(),
}: {
  token: string;
  expiresAt: Date;
  secure: boolean;
  now?: Date;
}): SessionCookie {
  return {
    name: SESSION_COOKIE_NAME,
    value: token,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  };
}

export function clearedSessionCookie({ secure }: { secure: boolean }): SessionCookie {
  return { name: SESSION_COOKIE_NAME, value: '', httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 };
}
