import http from 'node:http';
import { PDFDocument } from 'pdf-lib';
import { listenOnLoopback } from './listen-on-loopback';

// A local stand-in for eSignAnyWhere's REST API (the endpoints the app calls: v6 envelope, configuration, files and
// file, and v4 remind), with switches for the ways the real one fails: refusals, errors, slowness, wrong or huge bodies, redirects.

export type FakeFile = { fileId: string; fileName: string; bytes: Buffer; pageCount?: number | null };

export type FakeEnvelope = {
  status: string;
  /** Defaults: "Contract", sent 2026-06-01T10:00:00Z by Sam Sender, expiring 2026-06-29T10:00:00Z. */
  name?: string | null;
  sentDate?: string | null;
  sender?: { email: string; givenName: string; surname: string } | null;
  expirationDate?: string | null;
  /** The answer of the remind call (count calls with `countRequests`). */
  reminder?: { Count: number; AvoidedDueToRateLimitCount: number; AvoidedDueToDisabledEmailCount: number };
  activities?: { email: string; givenName: string; surname: string; status?: string; finishedDate?: string }[];
  documents?: FakeFile[];
  auditTrail?: FakeFile | null;
};

/** What one matching request gets instead of the normal answer. */
export type FakeBehaviour = {
  status?: number;
  body?: string | Buffer | object;
  contentType?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Answer 302 to this address. */
  redirectTo?: string;
  /** Declare this Content-Length and send this many bytes of %PDF- padding (a big body without the memory). */
  streamBytes?: number;
};

export type FakeRequest = { path: string; apiToken: string | null; at: number };

export type FakeEsignAnyWhereServer = {
  baseUrl: string;
  apiToken: string;
  requests: FakeRequest[];
  setEnvelope(id: string, envelope: FakeEnvelope): void;
  /** The next `times` requests to `path` (e.g. /Api/v6/file/f1) get `behaviour`; Infinity for all. */
  override(path: string, behaviour: FakeBehaviour, times?: number): void;
  countRequests(path: string): number;
  close(): Promise<void>;
};

export async function makeTestPdf(text: string, pages = 1): Promise<Buffer> {
  const document = await PDFDocument.create();
  for (let index = 0; index < pages; index++) {
    document.addPage([200, 200]).drawText(`${text} ${index + 1}`, { x: 20, y: 100, size: 12 });
  }
  return Buffer.from(await document.save());
}

export async function startFakeEsignAnyWhereServer(apiToken = 'fake-esaw-token'): Promise<FakeEsignAnyWhereServer> {
  const envelopes = new Map<string, FakeEnvelope>();
  const overrides = new Map<string, { behaviour: FakeBehaviour; remaining: number }>();
  const requests: FakeRequest[] = [];

  const files = () => {
    const all = new Map<string, FakeFile>();
    for (const envelope of envelopes.values()) {
      for (const file of [...(envelope.documents ?? []), ...(envelope.auditTrail ? [envelope.auditTrail] : [])]) {
        all.set(file.fileId, file);
      }
    }
    return all;
  };

  const server = http.createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const token = request.headers.apitoken;
    requests.push({ path, apiToken: typeof token === 'string' ? token : null, at: Date.now() });

    const send = (status: number, body: string | Buffer | object, contentType?: string) => {
      const isJson = !(typeof body === 'string' || Buffer.isBuffer(body));
      const bytes = isJson ? Buffer.from(JSON.stringify(body)) : Buffer.from(body as string | Buffer);
      response.writeHead(status, {
        'content-type': contentType ?? (isJson ? 'application/json; charset=utf-8' : 'application/octet-stream'),
        'content-length': bytes.length,
      });
      response.end(bytes);
    };

    const override = overrides.get(path);
    if (override && override.remaining > 0) {
      override.remaining -= 1;
      const { behaviour } = override;
      if (behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
      if (response.destroyed) return;
      if (behaviour.redirectTo) {
        response.writeHead(302, { location: behaviour.redirectTo, 'content-length': 0 });
        response.end();
        return;
      }
      if (behaviour.streamBytes !== undefined) {
        response.writeHead(behaviour.status ?? 200, {
          'content-type': 'application/pdf',
          ...(behaviour.body === 'chunked' ? {} : { 'content-length': behaviour.streamBytes }),
        });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        chunk.write('%PDF-1.7\n');
        let sent = 0;
        const pump = () => {
          while (sent < behaviour.streamBytes! && !response.destroyed) {
            const size = Math.min(chunk.length, behaviour.streamBytes! - sent);
            sent += size;
            if (!response.write(chunk.subarray(0, size))) return void response.once('drain', pump);
          }
          response.end();
        };
        pump();
        return;
      }
      if (behaviour.status !== undefined || behaviour.body !== undefined) {
        send(behaviour.status ?? 200, behaviour.body ?? '', behaviour.contentType);
        return;
      }
    }

    if (token !== apiToken) {
      send(401, { Message: 'The apiToken is invalid.', ErrorId: 'ERR0003', SupportId: 'fake' });
      return;
    }
    const notFound = () => send(404, { Message: 'Not found.', ErrorId: 'ERR0007', SupportId: 'fake' });

    let match = /^\/Api\/v6\/envelope\/([^/]+)$/.exec(path);
    if (match) {
      const envelope = envelopes.get(decodeURIComponent(match[1]!));
      if (!envelope) return notFound();
      send(200, {
        Id: decodeURIComponent(match[1]!),
        Name: envelope.name === undefined ? 'Contract' : envelope.name,
        EnvelopeStatus: envelope.status,
        SentDate: envelope.sentDate === undefined ? '2026-06-01T10:00:00Z' : envelope.sentDate,
        Sender:
          envelope.sender === null
            ? null
            : (() => {
                const sender = envelope.sender ?? {
                  email: 'sam.sender@bank.example',
                  givenName: 'Sam',
                  surname: 'Sender',
                };
                return { Email: sender.email, GivenName: sender.givenName, Surname: sender.surname };
              })(),
        Activities: (envelope.activities ?? []).map((activity, index) => ({
          Id: `activity-${index + 1}`,
          Status: activity.status ?? 'Pending',
          OpenedDate: null,
          FinishedDate: activity.finishedDate ?? null,
          StatusReason: null,
          Action: { Email: activity.email, GivenName: activity.givenName, Surname: activity.surname },
        })),
      });
      return;
    }
    match = /^\/Api\/v6\/envelope\/([^/]+)\/configuration$/.exec(path);
    if (match) {
      const envelope = envelopes.get(decodeURIComponent(match[1]!));
      if (!envelope) return notFound();
      const expirationDate = envelope.expirationDate === undefined ? '2026-06-29T10:00:00Z' : envelope.expirationDate;
      send(200, {
        ExpirationConfiguration: expirationDate === null ? null : { ExpirationDate: expirationDate },
      });
      return;
    }
    match = /^\/Api\/v4\/envelope\/([^/]+)\/remind$/.exec(path);
    if (match) {
      const envelope = envelopes.get(decodeURIComponent(match[1]!));
      if (!envelope) return notFound();
      send(200, envelope.reminder ?? { Count: 1, AvoidedDueToRateLimitCount: 0, AvoidedDueToDisabledEmailCount: 0 });
      return;
    }
    match = /^\/Api\/v6\/envelope\/([^/]+)\/files$/.exec(path);
    if (match) {
      const envelope = envelopes.get(decodeURIComponent(match[1]!));
      if (!envelope) return notFound();
      send(200, {
        Documents: (envelope.documents ?? []).map((file, index) => ({
          FileId: file.fileId,
          FileName: file.fileName,
          PageCount: file.pageCount ?? null,
          DocumentNumber: index + 1,
          AuditTrailFileId: envelope.auditTrail?.fileId ?? null,
        })),
        AuditTrail: envelope.auditTrail ? { FileId: envelope.auditTrail.fileId, XmlFileId: null } : null,
        LegalDocuments: [],
      });
      return;
    }
    match = /^\/Api\/v6\/file\/([^/]+)$/.exec(path);
    if (match) {
      const file = files().get(decodeURIComponent(match[1]!));
      if (!file) return notFound();
      send(200, file.bytes, 'application/pdf');
      return;
    }
    notFound();
  });

  const listener = await listenOnLoopback(server);

  return {
    baseUrl: listener.baseUrl,
    apiToken,
    requests,
    setEnvelope: (id, envelope) => envelopes.set(id, envelope),
    override: (path, behaviour, times = 1) => overrides.set(path, { behaviour, remaining: times }),
    countRequests: (path) => requests.filter((request) => request.path === path).length,
    close: async () => {
      server.closeAllConnections();
      await listener.close();
    },
  };
}
