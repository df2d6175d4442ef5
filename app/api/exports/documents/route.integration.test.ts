import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { NextRequest } from 'next/server';
import { describe, expect, inject, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { documentFilePath } from '@/app/lib/documents/document-store';
import { exportDocumentsZip } from '@/app/lib/documents/export-documents-zip';
import { startFakeEsignAnyWhereForFile } from '@/app/testing/fake-esignanywhere-for-file';
import { seedEnvelopes } from '@/app/testing/seed-envelopes';
import { storeTestDocuments } from '@/app/testing/store-test-documents';
import { createTestHook } from '@/app/testing/webhook-test-helpers';
import { GET } from './route';

const databaseProvider = inject('databaseProvider');
const { fake, storageDir, provider } = await startFakeEsignAnyWhereForFile();

const MANIFEST_HEADER = ['Envelope id', 'Kind', 'File in ZIP', 'SHA-256', 'Bytes', 'Note'];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function download(query: string) {
  const response = await GET(new NextRequest(`http://localhost/api/exports/documents?${query}`));
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** The ZIP read back by a real ZIP reader, CRC-32 checked: each file's bytes by name, and the manifest's rows. */
async function readZip(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  }
  const manifestText = files.get('manifest.csv')?.toString('utf8');
  expect(manifestText, 'the ZIP has a manifest').toBeDefined();
  expect(manifestText!.startsWith('\uFEFF')).toBe(true);
  const manifest: string[][] = parse(manifestText!.slice(1), { delimiter: ',', record_delimiter: '\r\n' });
  expect(manifest[0]).toEqual(MANIFEST_HEADER);
  files.delete('manifest.csv');
  return { files, manifest: manifest.slice(1) };
}

/** Three finished envelopes under one hook, the newest last; two of them match `q=k-`. */
async function seedView() {
  const recipient = { action: 'workstepFinished', recipientOrder: '1', recipientEmail: 'ana@example.com' };
  const { hook, ids } = await seedEnvelopes([
    { query: { ...recipient, contract: 'K-1' }, finish: true },
    { query: { ...recipient, contract: 'K-2' }, finish: true },
    { query: { ...recipient, contract: 'X-3' }, finish: true },
  ]);
  const [first, second, outside] = ids as [string, string, string];
  // Two signed files of one name, and a hostile name; one envelope's files kept in the database.
  const firstFiles = await storeTestDocuments({
    fake,
    provider,
    envelopeId: first,
    documents: ['Contract.pdf', 'contract.pdf'],
  });
  const secondFiles = await storeTestDocuments({
    fake,
    provider,
    envelopeId: second,
    documents: ['../../etc/passwd\u0007.pdf'],
    settings: { storage: 'database', storageDir },
  });
  const outsideFiles = await storeTestDocuments({ fake, provider, envelopeId: outside, documents: ['Other.pdf'] });
  return { hook, first, second, outside, firstFiles, secondFiles, outsideFiles };
}

describe(`GET /api/exports/documents on ${databaseProvider}`, () => {
  it("downloads exactly the filtered view's stored files as a ZIP, with their SHA-256 in a manifest", async () => {
    const view = await seedView();
    const { response, bytes } = await download(`hook=${view.hook.id}&q=k-`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="signed-documents-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect(response.headers.get('content-length')).toBeNull();

    const { files, manifest } = await readZip(bytes);
    // Newest activity first, as the list shows the view; signed files before the audit trail.
    const expected = [
      { envelopeId: view.second, name: `${view.second}/_.._etc_passwd_.pdf`, file: view.secondFiles[0]! },
      { envelopeId: view.second, name: `${view.second}/audit-trail.pdf`, file: view.secondFiles[1]! },
      { envelopeId: view.first, name: `${view.first}/Contract.pdf`, file: view.firstFiles[0]! },
      { envelopeId: view.first, name: `${view.first}/contract (2).pdf`, file: view.firstFiles[1]! },
      { envelopeId: view.first, name: `${view.first}/audit-trail.pdf`, file: view.firstFiles[2]! },
    ];
    expect([...files.keys()].sort()).toEqual(expected.map((entry) => entry.name).sort());
    for (const { name, file } of expected) {
      expect(sha256(files.get(name)!), name).toBe(file.sha256);
      // Stored, not deflated: the PDF's bytes are in the ZIP as they are.
      expect(bytes.indexOf(file.bytes), name).toBeGreaterThan(0);
    }
    const rows = await prisma.document.findMany({ where: { envelopeId: { in: [view.first, view.second] } } });
    expect(manifest).toEqual(
      expected.map(({ envelopeId, name, file }) => [
        envelopeId,
        file.kind === 'signed' ? 'document' : 'audit trail',
        name,
        rows.find((row) => row.envelopeId === envelopeId && row.sha256 === file.sha256)!.sha256,
        String(file.bytes.length),
        '',
      ]),
    );
    expect(bytes.includes(Buffer.from(view.outside))).toBe(false);
    expect(bytes.indexOf(view.outsideFiles[0]!.bytes)).toBe(-1);
  });

  it('takes only the documents or only the audit trails when asked', async () => {
    const view = await seedView();
    const documents = await readZip((await download(`hook=${view.hook.id}&kinds=documents`)).bytes);
    expect([...documents.files.keys()].sort()).toEqual(
      [
        `${view.first}/Contract.pdf`,
        `${view.first}/contract (2).pdf`,
        `${view.second}/_.._etc_passwd_.pdf`,
        `${view.outside}/Other.pdf`,
      ].sort(),
    );
    expect(documents.manifest.map((row) => row[1])).toEqual(['document', 'document', 'document', 'document']);

    const auditTrails = await readZip(
      (await download(`hook=${view.hook.id}&kinds=audit_trails&status=completed`)).bytes,
    );
    expect([...auditTrails.files.keys()]).toEqual(
      [view.outside, view.second, view.first].map((id) => `${id}/audit-trail.pdf`),
    );
    for (const [id, files] of [
      [view.outside, view.outsideFiles],
      [view.second, view.secondFiles],
      [view.first, view.firstFiles],
    ] as const) {
      expect(sha256(auditTrails.files.get(`${id}/audit-trail.pdf`)!)).toBe(files.at(-1)!.sha256);
    }
  });

  it('reads the view page by page, each envelope once, and lets go of the store when the download stops', async () => {
    const view = await seedView();
    const query = { hook: view.hook.id, kinds: 'all' as const };
    const paged = await readZip(
      Buffer.from(await new Response(exportDocumentsZip({ query, batchSize: 1 })).arrayBuffer()),
    );
    expect(paged.files.size).toBe(view.firstFiles.length + view.secondFiles.length + view.outsideFiles.length);
    expect(paged.manifest.map((row) => row[0])).toEqual([
      ...view.outsideFiles.map(() => view.outside),
      ...view.secondFiles.map(() => view.second),
      ...view.firstFiles.map(() => view.first),
    ]);

    const stopped = exportDocumentsZip({ query, batchSize: 1 }).getReader();
    expect((await stopped.read()).done).toBe(false);
    await stopped.cancel('the browser closed the download');
  });

  it('gives an empty view a valid ZIP holding only the manifest header', async () => {
    const hook = await createTestHook();
    const { response, bytes } = await download(`hook=${hook.id}`);
    expect(response.status).toBe(200);
    const { files, manifest } = await readZip(bytes);
    expect(files.size).toBe(0);
    expect(manifest).toEqual([]);
  });

  it('lists a file missing from the store in the manifest, and leaves it out of the ZIP', async () => {
    const { hook, ids } = await seedEnvelopes([
      { query: { action: 'workstepFinished', recipientOrder: '1', recipientEmail: 'bo@example.com' }, finish: true },
    ]);
    const envelopeId = ids[0]!;
    const [signed, audit] = await storeTestDocuments({ fake, provider, envelopeId, documents: ['Lost.pdf'] });
    await rm(documentFilePath(storageDir, signed!.sha256));

    const { files, manifest } = await readZip((await download(`hook=${hook.id}`)).bytes);
    expect([...files.keys()]).toEqual([`${envelopeId}/audit-trail.pdf`]);
    expect(manifest).toEqual([
      [
        envelopeId,
        'document',
        '',
        signed!.sha256,
        String(signed!.bytes.length),
        'missing from the document store: not in this ZIP',
      ],
      [envelopeId, 'audit trail', `${envelopeId}/audit-trail.pdf`, audit!.sha256, String(audit!.bytes.length), ''],
    ]);
  });

  it('refuses a bad query with 400 in the API error shape', async () => {
    for (const [query, message] of [
      ['kinds=pdfs', /^kinds: must be one of documents, audit_trails, all$/],
      ['status=lost', /^status: must be one of/],
      ['from=2026-02-01&to=2026-01-01', /^from: must not be after to$/],
    ] as const) {
      const { response, bytes } = await download(query);
      expect(response.status, query).toBe(400);
      const body = JSON.parse(bytes.toString('utf8')) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_query');
      expect(body.error.message).toMatch(message);
    }
  });
});
