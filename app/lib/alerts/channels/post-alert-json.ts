import 'server-only';
import type { ChannelSendOutcome } from '@/app/lib/alerts/alert-notice';
import { postJson } from '@/app/lib/subscriptions/post-webhook';
import { shortenLine } from './shorten-line';

const TIMEOUT_MS = 10_000;
const ANSWER_CHARS = 200;

/**
 * POSTs a message to a Slack or Teams incoming-webhook URL: a 2xx within 10 s delivers it, redirects are not followed.
 * The URL is the secret that lets anyone post to the channel, so no error names it (nor where a redirect pointed);
 * what the service answered is kept, as Slack and Teams say there what was wrong ("invalid_blocks", "no_service").
 */
export async function postAlertJson(options: {
  url: string;
  payload: unknown;
  timeoutMs?: number;
}): Promise<ChannelSendOutcome> {
  const outcome = await postJson({
    url: options.url,
    body: JSON.stringify(options.payload),
    headers: { 'user-agent': 'envelope-tracker-alerts/1' },
    timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
    hideRedirectTarget: true,
  });
  if (outcome.ok) return { ok: true, durationMs: outcome.durationMs, error: null };
  const answer = outcome.responseExcerpt ? shortenLine(outcome.responseExcerpt, ANSWER_CHARS) : '';
  const error = `${outcome.error ?? 'failed'}${answer && outcome.statusCode && outcome.statusCode >= 400 ? `: ${answer}` : ''}`;
  return { ok: false, durationMs: outcome.durationMs, error: scrubUrl(error, options.url) };
}

/** The error without the URL or its path, should a network error or an answer quote either. */
function scrubUrl(error: string, url: string): string {
  let scrubbed = error;
  const secrets = [url];
  try {
    const parsed = new URL(url);
    secrets.push(parsed.toString(), parsed.pathname + parsed.search, encodeURIComponent(url));
  } catch {
    // Not a URL: the text itself is all there is to hide.
  }
  for (const secret of secrets.filter((value) => value.length > 1).sort((a, b) => b.length - a.length)) {
    scrubbed = scrubbed.split(secret).join('[the channel URL]');
  }
  return scrubbed;
}
