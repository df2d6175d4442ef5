import { createHash, randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { advanceSandboxEnvelope, type SandboxStep } from '@/app/lib/sandbox/advance-sandbox-envelope';
import { createSandboxEnvelope } from '@/app/lib/sandbox/create-sandbox-envelope';
import { readPdfText } from '@/app/testing/sandbox/read-pdf-text';
import { signingProviderOverrideForTests } from '@/app/testing/signing-provider-override';
import { DEFAULT_SANDBOX_API_TOKEN } from '@/app/lib/signing/sandbox-address';
import type { SigningProviderConfig } from '@/app/lib/signing/signing-provider-config';
import { GET as getEnvelopeRoute } from './envelope/[envelopeId]/route';
import { GET as getFilesRoute } from './envelope/[envelopeId]/files/route';
import { GET as getHistoryRoute } from './envelope/[envelopeId]/history/route';
import { GET as getFileRoute } from './file/[fileId]/route';

// The app's signing provider is the sandbox unless a test says otherwise; set before anything reads the configuration.
vi.hoisted(() => {
  process.env.SIGNING_PROVIDER = 'sandbox';
});
vi.mock('@/app/lib/signing/signing-provider-config', async (importOriginal) =>
  (await import('@/app/testing/signing-provider-override')).overridableSigningProviderConfig(importOriginal),
);
const provider = signingProviderOverrideForTests();

const BASE = 'http://localhost/api/sandbox/esignanywhere/Api/v6';

async function call(path: string, token: string | null = DEFAULT_SANDBOX_API_TOKEN) {
  const request = new Request(`${BASE}/${path}`, { headers: token === null ? {} : { apiToken: token } });
  const [kind, id, sub] = path.split('/') as [string, string, string | undefined];
  const envelopeRoute = sub === 'files' ? getFilesRoute : sub === 'history' ? getHistoryRoute : getEnvelopeRoute;
  const response =
    kind === 'file'
      ? await getFileRoute(request, { params: Promise.resolve({ fileId: decodeURIComponent(id) }) })
      : await envelopeRoute(request, { params: Promise.resolve({ envelopeId: decodeURIComponent(id) }) });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) };
}

type Call = Awaited<ReturnType<typeof call>>;

const PEOPLE = [
  { givenName: 'Jonas', surname: 'Müller', email: 'jonas.muller@example.com' },
  { givenName: 'Anna', surname: 'Kowalska', email: 'anna.kowalska@bank.example' },
];

async function sandboxEnvelope(steps: SandboxStep[], recipients = PEOPLE) {
  const sentAt = new Date(Date.UTC(2026, 10, 29, 9, 0, 0));
  const { id } = await createSandboxEnvelope({ name: 'Personal loan agreement LN-2026-10001', recipients, sentAt });
  for (const [index, step] of steps.entries()) {
    await advanceSandboxEnvelope({ envelopeId: id, step, at: new Date(sentAt.getTime() + (index + 1) * 61_000) });
  }
  return id;
}

const signedByAll = (count: number): SandboxStep[] =>
  Array.from({ length: count }, (_, index) => index + 1).flatMap((recipientOrder) => [
    { kind: 'invite', recipientOrder },
    { kind: 'open', recipientOrder },
    { kind: 'sign', recipientOrder },
  ]);

function expectEsawError(result: Call, status: number, errorId: string) {
  expect(result.status).toBe(status);
  expect(result.json()).toEqual({
    Message: expect.stringContaining(errorId),
    ErrorId: errorId,
    SupportId: expect.any(String),
  });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the sandbox eSignAnyWhere v6 API', () => {
  it('describes an envelope as eSignAnyWhere does, one activity per recipient in signing order', async () => {
    const id = await sandboxEnvelope([
      { kind: 'invite', recipientOrder: 1 },
      { kind: 'open', recipientOrder: 1 },
      { kind: 'sign', recipientOrder: 1 },
      { kind: 'invite', recipientOrder: 2 },
      { kind: 'open', recipientOrder: 2 },
      { kind: 'reject', recipientOrder: 2, reason: 'Wrong address.' },
    ]);
    const result = await call(`envelope/${id}`);
    expect(result.status).toBe(200);
    expect(result.json()).toEqual({
      Id: id,
      Name: 'Personal loan agreement LN-2026-10001',
      EnvelopeStatus: 'Rejected',
      SentDate: '2026-11-29T09:00:00.000Z',
      Sender: {
        Email: expect.stringMatching(/@bank\.example$/),
        GivenName: expect.any(String),
        Surname: expect.any(String),
      },
      Activities: [
        {
          Id: expect.any(String),
          Status: 'Completed',
          OpenedDate: '2026-11-29T09:02:02.000Z',
          FinishedDate: '2026-11-29T09:03:03.000Z',
          StatusReason: null,
          Action: { Email: 'jonas.muller@example.com', GivenName: 'Jonas', Surname: 'Müller' },
        },
        {
          Id: expect.any(String),
          Status: 'Rejected',
          OpenedDate: '2026-11-29T09:05:05.000Z',
          FinishedDate: '2026-11-29T09:06:06.000Z',
          StatusReason: 'Wrong address.',
          Action: { Email: 'anna.kowalska@bank.example', GivenName: 'Anna', Surname: 'Kowalska' },
        },
      ],
    });

    const history = await call(`envelope/${id}/history`);
    expect(history.status).toBe(200);
    expect(
      history.json().Events.map((event: { Type: string; Email: string | null }) => [event.Type, event.Email]),
    ).toEqual([
      ['EnvelopeSent', null],
      ['SignNotificationSent', 'jonas.muller@example.com'],
      ['WorkstepOpened', 'jonas.muller@example.com'],
      ['WorkstepFinished', 'jonas.muller@example.com'],
      ['SignNotificationSent', 'anna.kowalska@bank.example'],
      ['WorkstepOpened', 'anna.kowalska@bank.example'],
      ['WorkstepRejected', 'anna.kowalska@bank.example'],
      ['EnvelopeRejected', null],
    ]);
    expect(history.json().Events[0].CreationDate).toBe('2026-11-29T09:00:00.000Z');
  });

  it('wants the apiToken header: 401 with eSignAnyWhere’s error body when it is missing or wrong', async () => {
    const id = await sandboxEnvelope(signedByAll(2));
    for (const token of [null, '', 'not-the-token']) {
      for (const path of [
        `envelope/${id}`,
        `envelope/${id}/files`,
        `envelope/${id}/history`,
        `file/${id}_document-1`,
      ]) {
        const result = await call(path, token);
        expectEsawError(result, 401, 'ERR0003');
        expect(result.json().Message).toMatch(/apiToken/);
      }
    }
  });

  it('answers 404 for an unknown envelope or file, in eSignAnyWhere’s error body', async () => {
    const unknown = randomUUID();
    expectEsawError(await call(`envelope/${unknown}`), 404, 'ERR0007');
    expectEsawError(await call(`envelope/${unknown}/files`), 404, 'ERR0007');
    expectEsawError(await call(`envelope/${unknown}/history`), 404, 'ERR0007');
    expectEsawError(await call(`file/${unknown}_document-1`), 404, 'ERR0008');
    expectEsawError(await call(`file/${unknown}`), 404, 'ERR0008');
    expectEsawError(await call(`envelope/${'x'.repeat(200)}`), 404, 'ERR0007');
  });

  it('does not exist at all when the signing provider is not the sandbox: 404 in the app’s error shape', async () => {
    const id = await sandboxEnvelope(signedByAll(1), PEOPLE.slice(0, 1));
    for (const config of [
      { provider: 'none', problem: null, reason: 'off' },
      { provider: 'esignanywhere', problem: null, baseUrl: 'https://demo.esignanywhere.net', apiToken: 'real-token' },
    ] satisfies SigningProviderConfig[]) {
      provider.override = config;
      for (const path of [
        `envelope/${id}`,
        `envelope/${id}/files`,
        `envelope/${id}/history`,
        `file/${id}_document-1`,
      ]) {
        const result = await call(path);
        expect(result.status).toBe(404);
        expect(result.json()).toEqual({
          error: { code: 'not_found', message: expect.stringContaining('SIGNING_PROVIDER=sandbox') },
        });
      }
    }
  });

  it('accepts the token the configuration names (SANDBOX_API_TOKEN), and only that one', async () => {
    const id = await sandboxEnvelope([]);
    provider.override = {
      provider: 'sandbox',
      problem: null,
      baseUrl: 'http://127.0.0.1:1/x',
      apiToken: 'my-own-sandbox-token',
    };
    expect((await call(`envelope/${id}`, 'my-own-sandbox-token')).status).toBe(200);
    expectEsawError(await call(`envelope/${id}`), 401, 'ERR0003');
  });

  it('has no files before the envelope is Completed (400 ERR0013 for the list, 404 for the file ids)', async () => {
    const active = await sandboxEnvelope([{ kind: 'invite', recipientOrder: 1 }]);
    const rejected = await sandboxEnvelope([
      { kind: 'invite', recipientOrder: 1 },
      { kind: 'reject', recipientOrder: 1 },
    ]);
    const expired = await sandboxEnvelope([{ kind: 'expire' }]);
    for (const id of [active, rejected, expired]) {
      const files = await call(`envelope/${id}/files`);
      expectEsawError(files, 400, 'ERR0013');
      for (const suffix of ['_document-1', '_audit-trail', '_audit-trail-xml']) {
        expectEsawError(await call(`file/${id}${suffix}`), 404, 'ERR0008');
      }
    }
    expect((await call(`envelope/${active}/files`)).json().Message).toMatch(/Active.*Completed/);
  });

  it('serves a completed envelope’s signed contract and audit trail as real PDFs, page counts right', async () => {
    const id = await sandboxEnvelope(signedByAll(2));
    const files = await call(`envelope/${id}/files`);
    expect(files.status).toBe(200);
    const listing = files.json();
    expect(listing).toEqual({
      Documents: [
        {
          FileId: `${id}_document-1`,
          FileName: 'Personal loan agreement LN-2026-10001.pdf',
          PageCount: 1,
          DocumentNumber: 1,
          AuditTrailFileId: `${id}_audit-trail`,
        },
      ],
      AuditTrail: { FileId: `${id}_audit-trail`, XmlFileId: `${id}_audit-trail-xml` },
      LegalDocuments: [],
    });

    const contract = await call(`file/${encodeURIComponent(listing.Documents[0].FileId)}`);
    expect(contract.status).toBe(200);
    expect(contract.headers.get('content-type')).toBe('application/pdf');
    expect(contract.headers.get('content-disposition')).toBe(
      'attachment; filename="Personal loan agreement LN-2026-10001.pdf"; ' +
        "filename*=UTF-8''Personal%20loan%20agreement%20LN-2026-10001.pdf",
    );
    expect(contract.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const contractPdf = await PDFDocument.load(contract.bytes, { updateMetadata: false });
    expect(contractPdf.getPageCount()).toBe(listing.Documents[0].PageCount);
    expect(contractPdf.getCreationDate()).toEqual(new Date('2026-11-29T09:00:00Z'));
    expect(contractPdf.getModificationDate()).toEqual(new Date('2026-11-29T09:06:06Z'));
    const [contractText] = await readPdfText(contract.bytes);
    for (const expected of ['Personal loan agreement LN-2026-10001', 'Jonas Müller', 'Anna Kowalska', 'Signer 2']) {
      expect(contractText).toContain(expected);
    }
    expect(contractText).toContain('Signed electronically 2026-11-29 09:03:03 UTC');
    expect(contractText).toContain('Signed electronically 2026-11-29 09:06:06 UTC');

    const audit = await call(`file/${listing.AuditTrail.FileId}`);
    expect(audit.headers.get('content-type')).toBe('application/pdf');
    expect((await PDFDocument.load(audit.bytes)).getPageCount()).toBe(1);
    const [auditText] = await readPdfText(audit.bytes);
    for (const expected of [
      'Audit trail',
      '2026-11-29 09:00:00',
      'Envelope sent',
      '2026-11-29 09:05:05',
      'Document opened',
    ]) {
      expect(auditText).toContain(expected);
    }
    expect(auditText).toContain('Envelope completed');

    const xml = await call(`file/${listing.AuditTrail.XmlFileId}`);
    expect(xml.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(xml.bytes.toString()).toContain(`<AuditTrail envelopeId="${id}" status="Completed"`);
    expect(xml.bytes.toString().match(/<Event /g)).toHaveLength(8);
  });

  it('keeps accents in file names, with an ASCII fallback in the download header', async () => {
    const { id } = await createSandboxEnvelope({
      name: 'Contract: Jonas Müller / 2026',
      recipients: PEOPLE.slice(0, 1),
    });
    await advanceSandboxEnvelope({ envelopeId: id, step: { kind: 'sign', recipientOrder: 1 } });
    expect((await call(`envelope/${id}/files`)).json().Documents[0].FileName).toBe('Contract Jonas Müller 2026.pdf');
    expect((await call(`file/${id}_document-1`)).headers.get('content-disposition')).toBe(
      `attachment; filename="Contract Jonas Muller 2026.pdf"; filename*=UTF-8''Contract%20Jonas%20M%C3%BCller%202026.pdf`,
    );
  });

  it('spreads a long history over as many audit-trail pages as it needs', async () => {
    const opens: SandboxStep[] = Array.from({ length: 60 }, () => ({ kind: 'open', recipientOrder: 1 }));
    const id = await sandboxEnvelope(
      [{ kind: 'invite', recipientOrder: 1 }, ...opens, { kind: 'sign', recipientOrder: 1 }],
      PEOPLE.slice(0, 1),
    );
    const audit = await call(`file/${id}_audit-trail`);
    const pages = await readPdfText(audit.bytes);
    expect(pages.length).toBe(2);
    expect(pages[1]).toContain('Page 2 of 2');
    expect(pages.join('\n').match(/Document opened/g)).toHaveLength(60);
  });

  it('serves byte-for-byte the same files for the same envelope state, whenever asked', async () => {
    const id = await sandboxEnvelope(signedByAll(2));
    const first = [await call(`file/${id}_document-1`), await call(`file/${id}_audit-trail`)].map((r) =>
      sha256(r.bytes),
    );
    // Past a second boundary, so a clock read anywhere in the rendering would change the bytes.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = [await call(`file/${id}_document-1`), await call(`file/${id}_audit-trail`)].map((r) =>
      sha256(r.bytes),
    );
    expect(again).toEqual(first);

    const other = await sandboxEnvelope(signedByAll(2));
    expect(sha256((await call(`file/${other}_document-1`)).bytes)).not.toBe(first[0]);
  });
});
