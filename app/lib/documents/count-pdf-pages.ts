/** pdf-lib parses the whole file in memory; larger files keep the count the signing service gave, or none. */
const MAX_PARSED_BYTES = 20 * 1024 * 1024;

export async function countPdfPages(bytes: Uint8Array): Promise<number | null> {
  if (bytes.byteLength > MAX_PARSED_BYTES) return null;
  try {
    // Loaded when first needed, not when the webhook route (which imports the fetch code) starts.
    const { PDFDocument } = await import('pdf-lib');
    const document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
    return document.getPageCount();
  } catch {
    // A PDF pdf-lib cannot read is still the signed document; it only lacks a page count.
    return null;
  }
}
