/** Reads a request body as UTF-8, stopping as soon as it passes `limit` bytes. */
export async function readBodyWithLimit(
  request: Request,
  limit: number,
): Promise<{ ok: true; body: string } | { ok: false; partial: string }> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, partial: '' };
  }
  if (!request.body) return { ok: true, body: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      const partial = new TextDecoder().decode(concat(chunks)).slice(0, limit);
      return { ok: false, partial: partial.replaceAll('\u0000', '\uFFFD') };
    }
    chunks.push(value);
  }
  // The body is logged as text, and PostgreSQL text cannot hold NUL.
  return { ok: true, body: new TextDecoder().decode(concat(chunks)).replaceAll('\u0000', '\uFFFD') };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
