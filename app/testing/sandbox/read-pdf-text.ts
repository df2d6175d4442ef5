import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

/**
 * The text drawn on each page of a PDF the sandbox made (tests only): pdf-lib writes standard-font
 * text as hex strings in Flate-compressed content streams, which is all this reads.
 */
export async function readPdfText(bytes: Uint8Array): Promise<string[]> {
  const document = await PDFDocument.load(bytes);
  return document.getPages().map((page) => {
    const contents = page.node.get(PDFName.of('Contents'));
    const streams = contents ? [page.node.context.lookup(contents)].flatMap((entry) => entryStreams(page, entry)) : [];
    return streams
      .map((stream) => {
        const raw = Buffer.from(stream.getContents());
        const filter = stream.dict.get(PDFName.of('Filter'));
        const text = (filter === PDFName.of('FlateDecode') ? inflateSync(raw) : raw).toString('latin1');
        return [...text.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)]
          .map((match) => Buffer.from(match[1]!, 'hex').toString('latin1'))
          .join('\n');
      })
      .join('\n');
  });
}

function entryStreams(page: ReturnType<PDFDocument['getPages']>[number], entry: unknown): PDFRawStream[] {
  if (entry instanceof PDFRawStream) return [entry];
  if (entry && typeof entry === 'object' && 'asArray' in entry) {
    return (entry as { asArray(): unknown[] })
      .asArray()
      .map((item) => page.node.context.lookup(item as never))
      .filter((item): item is PDFRawStream => item instanceof PDFRawStream);
  }
  return [];
}
