import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

// A mail server in the test process (the smtp-server package), and enough MIME to read what nodemailer writes.

export const SMTP_USER = 'alerts';
// Characters that must be percent-encoded in the URL: the error must hide both forms.
export const SMTP_PASSWORD = 'p@ss:w/rd-S3cret%42';
export const ENCODED_PASSWORD = encodeURIComponent(SMTP_PASSWORD);

export type ReceivedMail = { raw: string; session: SMTPServerSession };

/**
 * A mail server on 127.0.0.1 offering STARTTLS with smtp-server's built-in self-signed certificate, checking a user
 * and password; `refuse` answers an attempt's RCPT TO or DATA with 451 (attempts counted from 1).
 */
export async function startMailServer(options: { refuse?: (attempt: number) => 'rcpt' | 'data' | null } = {}) {
  const received: ReceivedMail[] = [];
  let attempts = 0;
  const refusal = new Map<string, 'rcpt' | 'data' | null>();
  const temporaryFailure = (message: string) => Object.assign(new Error(message), { responseCode: 451 });
  const server = new SMTPServer({
    logger: false,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) return callback(null, { user: SMTP_USER });
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onMailFrom(_address, session, callback) {
      attempts += 1;
      refusal.set(session.id, options.refuse?.(attempts) ?? null);
      callback();
    },
    onRcptTo(_address, session, callback) {
      if (refusal.get(session.id) === 'rcpt') return callback(temporaryFailure('4.3.0 Mailbox busy, try again later'));
      callback();
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusal.get(session.id) === 'data') return callback(temporaryFailure('4.3.0 Queue full, try again later'));
        received.push({ raw: Buffer.concat(chunks).toString('utf8'), session: structuredClone(session) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    transport: (password = ENCODED_PASSWORD) => ({
      url: `smtp://${SMTP_USER}:${password}@127.0.0.1:${port}`,
      from: 'Envelope tracker <alerts@example.com>',
      // The built-in certificate is self-signed and made out to localhost.
      tls: { rejectUnauthorized: false },
    }),
  };
}

/** Decodes RFC 2047 encoded words (UTF-8, Q or B), as nodemailer writes them for a subject with non-ASCII letters. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, '');
  for (let index = 0; index < joined.length; index++) {
    const hex = joined.slice(index + 1, index + 3);
    if (joined[index] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(joined[index]!, 'latin1'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

type MimePart = { headers: Map<string, string>; body: string };

function splitHeaders(raw: string): MimePart {
  const end = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, end).replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(end).replace(/^\r?\n\r?\n/, '') };
}

function decodeBody(part: MimePart): string {
  const encoding = part.headers.get('content-transfer-encoding')?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body, 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
  return part.body;
}

/** The parts of a multipart/alternative message: enough MIME to read what nodemailer writes. */
export function parseMail(raw: string) {
  const message = splitHeaders(raw);
  const contentType = message.headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  const parts = boundary
    ? message.body
        .split(`--${boundary}`)
        .slice(1)
        .filter((part) => !part.startsWith('--'))
        .map((part) => splitHeaders(part.replace(/^\r?\n/, '')))
    : [message];
  const partOf = (type: string) => parts.find((part) => part.headers.get('content-type')?.startsWith(type));
  const text = partOf('text/plain');
  const html = partOf('text/html');
  return {
    headers: message.headers,
    subject: decodeWords(message.headers.get('subject') ?? ''),
    contentType,
    text: text ? decodeBody(text) : null,
    html: html ? decodeBody(html) : null,
  };
}
