/**
 * The address as a link may carry it, or null: only http and https (a `javascript:` or `data:` address must never
 * become a clickable link), normalized so that spaces and quotes are percent-encoded.
 */
export function toSafeLink(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // The URL parser leaves these as they are in paths and queries; each closes a link in one of the formats.
  return url.toString().replace(/[|'"<>`]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}
