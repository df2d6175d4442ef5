import type { AlertNotice, DigestNotice } from '../alert-notice';
import { alertsPageUrl } from './alerts-page-url';
import { describeAlertContext } from './describe-alert-context';
import { describeAlertOrigin } from './describe-alert-origin';
import { escapeSlackText } from './escape-slack-text';
import { shortenLine } from './shorten-line';
import { summarizeAlertNotices } from './summarize-alert-notices';
import { summarizeDigest } from './summarize-digest';
import { toSafeLink } from './to-safe-link';

// Block Kit's limits (https://docs.slack.dev/reference/block-kit/blocks): Slack refuses the whole message past them.
export const SLACK_MAX_BLOCKS = 50;
export const SLACK_MAX_SECTION_CHARS = 3000;
const HEADER_CHARS = 150;
const LINE_CHARS = 300;

type SlackText = { type: 'mrkdwn'; text: string };
export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji: boolean } }
  | { type: 'section'; text: SlackText }
  | { type: 'context'; elements: SlackText[] };
export type SlackPayload = { text: string; blocks: SlackBlock[]; unfurl_links: boolean; unfurl_media: boolean };

/**
 * A Slack incoming-webhook message for alerts (several due together fold into one) or a daily summary: `text` for the
 * notification, Block Kit `blocks` for the message. Links are mrkdwn links rather than buttons: a button of an
 * incoming webhook shows a warning when clicked, as no app answers its interaction.
 */
export function buildSlackPayload(
  options: { channelName: string; publicUrl: string } & (
    { notices: readonly AlertNotice[] } | { digest: DigestNotice }
  ),
): SlackPayload {
  const alertsUrl = alertsPageUrl(options.publicUrl);
  if ('digest' in options) return digestPayload(options.digest, alertsUrl);
  const { notices } = options;
  const first = notices[0];
  const test = notices.length > 0 && notices.every((notice) => notice.test) ? ' [test]' : '';
  const headline = notices.length === 1 && first ? first.title : `${notices.length} alerts`;
  const blocks: SlackBlock[] = [header(`${headline}${test}`)];
  // Each notice takes a section and a context; the last two blocks are kept for "and N more" and the footer.
  const fitting = 2 * notices.length + 2 <= SLACK_MAX_BLOCKS ? notices.length : (SLACK_MAX_BLOCKS - 3) / 2;
  const shown = notices.slice(0, Math.floor(fitting));
  for (const notice of shown) {
    blocks.push(
      section(
        [
          `*${notice.test ? '[test] ' : ''}${escapeSlackText(shortenLine(notice.summary, LINE_CHARS))}*`,
          ...notice.details.map((detail) => escapeSlackText(shortenLine(detail, LINE_CHARS))),
        ],
        {
          last: notice.envelope ? slackLink(notice.envelope.url, 'Open envelope') : null,
          more: (count) => (count > 0 ? `…and ${count} more ${count === 1 ? 'line' : 'lines'}` : null),
        },
      ),
      context(escapeSlackText(describeAlertContext(notice).join(' · '))),
    );
  }
  if (shown.length < notices.length) {
    blocks.push(
      section([`…and ${notices.length - shown.length} more alerts: ${slackLink(alertsUrl, 'see the alerts page')}`]),
    );
  }
  blocks.push(
    context(
      `${escapeSlackText(describeAlertOrigin({ notices, channelName: options.channelName }))} ${slackLink(alertsUrl, 'Change or pause alerts')}`,
    ),
  );
  return withText(escapeSlackText(summarizeAlertNotices(notices)), blocks);
}

function digestPayload(digest: DigestNotice, alertsUrl: string): SlackPayload {
  const blocks: SlackBlock[] = [
    header(`Daily summary for ${digest.date}`),
    context(escapeSlackText(`Channel "${shortenLine(digest.channelName, 100)}" · ${shortenLine(digest.timeZone, 60)}`)),
  ];
  // Keep room for "and N more", the dashboard link and the footer.
  const room = SLACK_MAX_BLOCKS - blocks.length - 3;
  const shown = digest.sections.slice(0, room);
  for (const part of shown) {
    const count = part.items.length + part.more;
    blocks.push(
      section(
        [
          `*${escapeSlackText(shortenLine(part.title, LINE_CHARS))}* (${count})`,
          ...(count === 0 ? ['Nothing.'] : []),
          ...part.items.map((item) => {
            return `• ${slackLink(item.url, shortenLine(item.summary, LINE_CHARS))}`;
          }),
        ],
        { more: (count) => (count + part.more > 0 ? `…and ${count + part.more} more` : null) },
      ),
    );
  }
  if (shown.length < digest.sections.length) {
    blocks.push(section([`…and ${digest.sections.length - shown.length} more sections`]));
  }
  blocks.push(section([slackLink(digest.dashboardUrl, 'Open the dashboard')]));
  blocks.push(
    context(
      `${escapeSlackText(`Sent to the channel "${shortenLine(digest.channelName, 100)}" as its daily summary.`)} ${slackLink(alertsUrl, 'Change or pause alerts')}`,
    ),
  );
  return withText(escapeSlackText(summarizeDigest(digest)), blocks);
}

function withText(text: string, blocks: SlackBlock[]): SlackPayload {
  // An envelope link would unfurl into a preview of the sign-in page.
  return { text: text.slice(0, SLACK_MAX_SECTION_CHARS), blocks, unfurl_links: false, unfurl_media: false };
}

function header(text: string): SlackBlock {
  return { type: 'header', text: { type: 'plain_text', text: shortenLine(text, HEADER_CHARS), emoji: false } };
}

function context(text: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: text.slice(0, SLACK_MAX_SECTION_CHARS) }] };
}

/**
 * A section of the given lines (already escaped), then what `more` says about the lines left out (called with 0 too:
 * the source may have left some out itself), then `last`. Lines that would take it past Slack's limit are left out;
 * a line is never cut, as a cut could split a link or an entity.
 */
function section(lines: string[], options: { last?: string | null; more?: (count: number) => string | null } = {}) {
  const more = options.more ?? ((count: number) => (count > 0 ? `…and ${count} more` : null));
  const build = (count: number) => {
    const left = more(lines.length - count);
    return [...lines.slice(0, count), ...(left ? [left] : []), ...(options.last ? [options.last] : [])].join('\n');
  };
  let count = lines.length;
  while (count > 1 && build(count).length > SLACK_MAX_SECTION_CHARS) count--;
  const block: SlackBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: build(count).slice(0, SLACK_MAX_SECTION_CHARS) },
  };
  return block;
}

/** A mrkdwn link (the label alone when the address is no http(s) address), `&` as Slack's entity in both parts. */
function slackLink(url: string, label: string): string {
  const safe = toSafeLink(url);
  return safe ? `<${escapeSlackText(safe)}|${escapeSlackText(label)}>` : escapeSlackText(label);
}
