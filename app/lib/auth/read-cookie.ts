/**
 * One cookie's value from a request's Cookie header (route handlers get a plain Request, and tests
 * build those). The first of several cookies with that name wins, as browsers send the most specific first.
 */
export function readCookie(headers: Headers, name: string): string | undefined {
  for (const pair of (headers.get('cookie') ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return undefined;
}
