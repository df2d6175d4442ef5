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
      return { ok: false, partial: new TextDecoder().decode(concat(chunks)).slice(0, limit) };
    }
    chunks.push(value);
  }
  return { ok: true, body: new TextDecoder().decode(concat(chunks)) };
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
