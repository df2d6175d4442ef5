/** The token of an `Authorization: Bearer <token>` header, or null when there is no such header. */
export function readBearerToken(headers: Headers): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}
