import 'server-only';
import type { ConnectionOptions } from 'node:tls';
import nodemailer from 'nodemailer';
import type { ChannelSendOutcome } from '@/app/lib/alerts/alert-notice';
import { getEnvironment } from '@/app/lib/env';
import type { AlertEmail } from './format-alert-message';
import { shortenLine } from './shorten-line';

/** What a test (or a caller with its own server) gives instead of SMTP_URL and ALERT_EMAIL_FROM. */
export type SmtpTransportOverride = {
  /** `smtp://user:password@host:port` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
  url?: string;
  from?: string;
  /** Node's TLS options, e.g. `{ rejectUnauthorized: false }` for a test server's self-signed certificate. */
  tls?: ConnectionOptions;
};

// A mail server that does not answer must not hold the alert queue: each wait is bounded, and the whole send too.
const CONNECTION_TIMEOUT_MS = 10_000;
const GREETING_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 20_000;
const SEND_TIMEOUT_MS = 60_000;
const ERROR_CHARS = 500;

/**
 * Sends one alert e-mail to `to` (the channel's addresses, all on one message) through SMTP_URL, from ALERT_EMAIL_FROM.
 * Errors are for the admin: what to set when something is missing, what the server answered otherwise, and never the
 * password (nodemailer's errors may quote the connection URL or the server's echo of a login).
 */
export async function sendAlertEmail(options: {
  to: readonly string[];
  message: AlertEmail;
  smtp?: SmtpTransportOverride;
}): Promise<ChannelSendOutcome> {
  const environment = getEnvironment();
  const url = options.smtp?.url ?? environment.SMTP_URL;
  const from = options.smtp?.from ?? environment.ALERT_EMAIL_FROM;
  const missing = [...(url ? [] : ['SMTP_URL']), ...(from ? [] : ['ALERT_EMAIL_FROM'])];
  if (!url || !from) {
    return {
      ok: false,
      durationMs: 0,
      error: `E-mail alerts are not configured: set ${missing.join(' and ')} (e.g. SMTP_URL=smtp://user:password@mail.example.com:587, ALERT_EMAIL_FROM="Envelope tracker <alerts@example.com>") and restart the app.`,
    };
  }
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let transport: ReturnType<typeof nodemailer.createTransport> | undefined;
  try {
    transport = nodemailer.createTransport({
      url,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: GREETING_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
      dnsTimeout: CONNECTION_TIMEOUT_MS,
      logger: false,
      ...(options.smtp?.tls ? { tls: options.smtp.tls } : {}),
    });
    const info = await transport.sendMail({
      from,
      to: [...options.to],
      subject: options.message.subject,
      text: options.message.text,
      html: options.message.html,
      headers: {
        // Tells vacation responders and Exchange's out-of-office not to answer a machine.
        'Auto-Submitted': 'auto-generated',
        'X-Auto-Response-Suppress': 'All',
      },
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    // Some addresses taken, some refused: the message went out (sending again would repeat it to the others), and
    // the refusal is told.
    const rejected = info.rejected.map(String);
    return {
      ok: true,
      durationMs: elapsed(),
      error:
        rejected.length > 0
          ? scrubCredentials(shortenLine(`Not accepted by the mail server: ${rejected.join(', ')}`, ERROR_CHARS), url)
          : null,
    };
  } catch (error) {
    return {
      ok: false,
      durationMs: elapsed(),
      error: scrubCredentials(
        describeSmtpError(error, (text) => scrubCredentials(text, url)),
        url,
      ),
    };
  } finally {
    transport?.close();
  }
}

type SmtpError = Error & {
  code?: string;
  originalCode?: string;
  response?: string;
  responseCode?: number;
  command?: string;
  timeoutType?: string;
};

/** `clean` removes credentials before anything is cut short, so no part of a password survives a cut. */
function describeSmtpError(error: unknown, clean: (text: string) => string): string {
  if (!(error instanceof Error)) return 'the e-mail could not be sent';
  const smtp = error as SmtpError;
  const answer = smtp.response ? shortenLine(clean(smtp.response), ERROR_CHARS) : null;
  const during = smtp.command ? ` (at ${shortenLine(clean(smtp.command), 40)})` : '';
  switch (smtp.code) {
    case 'EAUTH':
      return `The mail server refused the login${answer ? `: SMTP ${answer}` : ''}; check the user and password in SMTP_URL.`;
    case 'ENOAUTH':
      return 'The mail server asks for a login: put the user and password in SMTP_URL (smtp://user:password@host:587).';
    case 'ETIMEDOUT':
      return `No answer from the mail server in time${smtp.timeoutType ? ` (${smtp.timeoutType.toLowerCase().replace('_', ' ')})` : ''}.`;
    case 'EABORT':
      return `The mail server took longer than ${SEND_TIMEOUT_MS / 1000} s; the e-mail was given up.`;
    case 'EDNS':
      return `Could not find the mail server: ${shortenLine(clean(error.message), ERROR_CHARS)}`;
    case 'ETLS':
      return `TLS with the mail server failed: ${shortenLine(clean(error.message), ERROR_CHARS)}`;
    case 'ECONNECTION':
    case 'ESOCKET':
      if (!answer) {
        return `Could not talk to the mail server: ${smtp.originalCode ?? shortenLine(clean(error.message), ERROR_CHARS)}`;
      }
  }
  if (answer) return `SMTP ${answer}${during}`;
  return shortenLine(clean(error.message), ERROR_CHARS);
}

/**
 * The text without the URL's password (and user), in every form it may appear in: as given, percent-decoded, and as
 * the base64 that AUTH PLAIN and AUTH LOGIN send, which a server may echo in its answer.
 */
function scrubCredentials(text: string, url: string): string {
  const secrets = new Set<string>([url]);
  try {
    const parsed = new URL(url);
    const user = safeDecode(parsed.username);
    const password = safeDecode(parsed.password);
    for (const value of [parsed.password, password]) if (value) secrets.add(value);
    if (password) {
      secrets.add(Buffer.from(password).toString('base64'));
      secrets.add(Buffer.from(`\u0000${user}\u0000${password}`).toString('base64'));
      secrets.add(Buffer.from(`${user}\u0000${user}\u0000${password}`).toString('base64'));
    }
  } catch {
    // Not a URL the parser takes: the whole text is hidden, which covers its parts.
  }
  let scrubbed = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    scrubbed = scrubbed.split(secret).join('***');
  }
  return scrubbed;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
