/**
 * A Content-Disposition header that keeps a file name readable without letting it break the
 * header: an ASCII fallback (quotes, backslashes, controls and path separators replaced) plus the
 * exact name in RFC 5987 `filename*` form.
 */
export function contentDisposition(type: 'attachment' | 'inline', fileName: string): string {
  const cleaned = fileName
    .replace(/[\u0000-\u001f\u007f/\\]/g, '_')
    .trim()
    .slice(0, 200);
  const name = /\.pdf$/i.test(cleaned) ? cleaned : `${cleaned || 'document'}.pdf`;
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["%;]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Whether an If-None-Match header matches the strong ETag `etag` (weak comparison, as for GET). */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
}
