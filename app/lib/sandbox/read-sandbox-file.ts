import 'server-only';
import { describeSandboxFiles } from './describe-sandbox-files';
import { getSandboxEnvelope } from './get-sandbox-envelope';
import { parseSandboxFileId } from './sandbox-file-ids';

export type SandboxFileContent = { bytes: Uint8Array; contentType: string; fileName: string };

/**
 * The bytes of one sandbox file, rendered from its envelope's current state; null when no such
 * file exists (an unknown id, or an envelope that is not Completed and so has no files yet).
 */
export async function readSandboxFile(options: { fileId: string }): Promise<SandboxFileContent | null> {
  const parsed = parseSandboxFileId(options.fileId);
  if (!parsed || parsed.envelopeId.length > 128) return null;
  const envelope = await getSandboxEnvelope({ envelopeId: parsed.envelopeId });
  if (!envelope) return null;
  const file = describeSandboxFiles(envelope).find((candidate) => candidate.fileId === options.fileId);
  if (!file) return null;
  const { bytes } = await file.render();
  return { bytes, contentType: file.contentType, fileName: file.fileName };
}
