import 'server-only';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { prisma } from '@/app/lib/db/prisma';
import type { DocumentSettings, DocumentStorage } from './document-settings';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Content-addressed: one file per SHA-256, in a folder named after its first two hex digits. */
export function documentFilePath(storageDir: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error('Not a SHA-256 hex digest.');
  return path.join(storageDir, sha256.slice(0, 2), `${sha256}.pdf`);
}

/**
 * Stores bytes under their SHA-256 unless they are already there. The filesystem store writes a
 * temporary file, flushes it and renames it into place, so a crash never leaves half a document.
 */
export async function saveDocumentBytes(options: {
  bytes: Buffer;
  sha256: string;
  settings: DocumentSettings;
}): Promise<DocumentStorage> {
  const { bytes, sha256, settings } = options;
  if (settings.storage === 'database') {
    const existing = await prisma.documentContent.findUnique({ where: { sha256 }, select: { sha256: true } });
    if (!existing) {
      await prisma.documentContent
        .create({ data: { sha256, bytes: new Uint8Array(bytes) } })
        .catch(async (error: unknown) => {
          // Stored meanwhile by someone else: same bytes, nothing to do.
          if (!(await prisma.documentContent.findUnique({ where: { sha256 }, select: { sha256: true } }))) throw error;
        });
    }
    return 'database';
  }
  const target = documentFilePath(settings.storageDir, sha256);
  const present = await stat(target).catch(() => null);
  if (present?.size === bytes.length) return 'filesystem';
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${randomUUID()}.tmp`;
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return 'filesystem';
}

/** A stored file's bytes as a stream, or null when they are missing from the store. */
export async function openDocumentBytes(options: {
  sha256: string;
  storage: string;
  settings: DocumentSettings;
}): Promise<{ body: ReadableStream<Uint8Array>; size: number } | null> {
  if (options.storage === 'database') {
    const row = await prisma.documentContent.findUnique({ where: { sha256: options.sha256 } });
    if (!row) return null;
    const bytes = row.bytes;
    return {
      size: bytes.byteLength,
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      }),
    };
  }
  const file = documentFilePath(options.settings.storageDir, options.sha256);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  return { size: info.size, body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array> };
}
