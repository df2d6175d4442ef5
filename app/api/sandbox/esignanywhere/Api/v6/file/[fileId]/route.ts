import { z } from 'zod';
import { authorizeSandboxRequest } from '@/app/lib/sandbox/authorize-sandbox-request';
import { readSandboxFile } from '@/app/lib/sandbox/read-sandbox-file';
import { sandboxApiError } from '@/app/lib/sandbox/sandbox-api-response';

export const dynamic = 'force-dynamic';

const fileIdSchema = z.string().min(1).max(200);

/** Sandbox eSignAnyWhere v6: a file's bytes (the signed PDF, the audit-trail PDF or its XML). */
export async function GET(request: Request, context: { params: Promise<{ fileId: string }> }) {
  const refusal = authorizeSandboxRequest(request);
  if (refusal) return refusal;
  const fileId = fileIdSchema.safeParse((await context.params).fileId);
  const file = fileId.success ? await readSandboxFile({ fileId: fileId.data }) : null;
  if (!file) return sandboxApiError(404, 'ERR0008', 'The file does not exist. Check the file id.');
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': attachment(file.fileName),
      'Cache-Control': 'no-store',
    },
  });
}

/** An ASCII fallback name for old clients, and the exact one (accents kept) in RFC 5987 form. */
function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["%;\\]/g, '_');
  const exact = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}
