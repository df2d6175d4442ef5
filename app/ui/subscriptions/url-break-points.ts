// Where a long URL may break: after a slash (never inside "https://"), before "?", "&" or "#". Dots are left alone,
// so a host or an IP address stays whole.
const BREAK_POINTS = /(?<=[^/:]\/)(?!\/)|(?=[?&#])/;

/** The URL in pieces, a line break allowed between any two. */
export function urlBreakPieces(url: string): string[] {
  return url.split(BREAK_POINTS);
}
