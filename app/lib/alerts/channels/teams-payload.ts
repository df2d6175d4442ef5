import type { AlertNotice, DigestNotice } from '../alert-notice';
import { alertsPageUrl } from './alerts-page-url';
import { describeAlertContext } from './describe-alert-context';
import { describeAlertOrigin } from './describe-alert-origin';
import { shortenLine } from './shorten-line';
import { summarizeAlertNotices } from './summarize-alert-notices';
import { summarizeDigest } from './summarize-digest';
import { toSafeLink } from './to-safe-link';

// TextBlock and FactSet read Markdown, so an envelope named "[Sign here](https://evil.example)" would become a link;
// TextRun (in a RichTextBlock) shows text as it is. Every value from outside goes into a TextRun, TextBlock carries
// only our own words.

/** Teams refuses a message past about 28 KB; the card is built smaller than that, leaving out what does not fit. */
export const TEAMS_MAX_PAYLOAD_BYTES = 24_000;
const NOTICES_SHOWN = 25;
const ITEMS_SHOWN = 20;
const LINE_CHARS = 300;

type OpenUrl = { type: 'Action.OpenUrl'; title: string; url: string };
type TextRun = {
  type: 'TextRun';
  text: string;
  weight?: 'Bolder';
  size?: 'Small' | 'Large';
  isSubtle?: boolean;
  color?: 'Warning';
  selectAction?: OpenUrl;
};
type CardElement =
  | { type: 'TextBlock'; text: string; wrap: true; size?: 'Small' | 'Large'; weight?: 'Bolder'; isSubtle?: boolean }
  | { type: 'RichTextBlock'; inlines: TextRun[]; spacing?: 'None' | 'Small' }
  | { type: 'Container'; items: CardElement[]; separator?: boolean; spacing?: 'Medium' }
  | { type: 'ActionSet'; actions: OpenUrl[] };
export type AdaptiveCard = {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.4';
  fallbackText: string;
  body: CardElement[];
  actions: OpenUrl[];
  msteams: { width: 'Full' };
};
export type TeamsPayload = {
  type: 'message';
  attachments: { contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard }[];
};

/**
 * A Teams message (incoming webhook or a Workflows "post to a channel when a webhook request is received") holding
 * one Adaptive Card: alerts (several due together fold into one card) or a daily summary.
 */
export function buildTeamsPayload(
  options: { channelName: string; publicUrl: string } & (
    { notices: readonly AlertNotice[] } | { digest: DigestNotice }
  ),
): TeamsPayload {
  const alertsUrl = alertsPageUrl(options.publicUrl);
  if ('digest' in options) {
    let itemsShown = ITEMS_SHOWN;
    let payload = digestPayload(options.digest, alertsUrl, itemsShown);
    while (byteSize(payload) > TEAMS_MAX_PAYLOAD_BYTES && itemsShown > 1) {
      itemsShown = Math.floor(itemsShown / 2);
      payload = digestPayload(options.digest, alertsUrl, itemsShown);
    }
    return payload;
  }
  let shown = Math.min(options.notices.length, NOTICES_SHOWN);
  let payload = noticesPayload(options.notices, options.channelName, alertsUrl, shown);
  while (byteSize(payload) > TEAMS_MAX_PAYLOAD_BYTES && shown > 1) {
    shown--;
    payload = noticesPayload(options.notices, options.channelName, alertsUrl, shown);
  }
  return payload;
}

function noticesPayload(
  notices: readonly AlertNotice[],
  channelName: string,
  alertsUrl: string,
  shownCount: number,
): TeamsPayload {
  const first = notices[0];
  const single = notices.length === 1 && first ? first : null;
  const test = notices.length > 0 && notices.every((notice) => notice.test);
  const shown = notices.slice(0, shownCount);
  const body: CardElement[] = [
    { type: 'TextBlock', text: 'Envelope tracker', wrap: true, size: 'Small', isSubtle: true },
    richText([
      ...(test ? [run('[test] ', { weight: 'Bolder', size: 'Large', color: 'Warning' })] : []),
      run(single ? single.title : `${notices.length} alerts`, { weight: 'Bolder', size: 'Large' }),
    ]),
    ...shown.map((notice): CardElement => {
      const link = notice.envelope ? toSafeLink(notice.envelope.url) : null;
      return {
        type: 'Container',
        separator: true,
        spacing: 'Medium',
        items: [
          richText([
            ...(notice.test ? [run('[test] ', { weight: 'Bolder', color: 'Warning' })] : []),
            run(shortenLine(notice.summary, LINE_CHARS), { weight: 'Bolder' }),
          ]),
          ...notice.details.slice(0, 10).map((detail) => richText([run(shortenLine(detail, LINE_CHARS))], 'None')),
          richText([run(describeAlertContext(notice).join(' · '), { size: 'Small', isSubtle: true })], 'Small'),
          ...(link && !single ? [{ type: 'ActionSet' as const, actions: [openUrl('Open envelope', link)] }] : []),
        ],
      };
    }),
    ...(shown.length < notices.length
      ? [textBlock(`…and ${notices.length - shown.length} more alerts on the alerts page.`)]
      : []),
    {
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [richText([run(describeAlertOrigin({ notices, channelName }), { size: 'Small', isSubtle: true })])],
    },
  ];
  const envelopeLink = single?.envelope ? toSafeLink(single.envelope.url) : null;
  const actions = [
    ...(envelopeLink ? [openUrl('Open envelope', envelopeLink)] : []),
    ...optionalOpenUrl(envelopeLink ? 'Change alerts' : 'Open alerts', alertsUrl),
  ];
  return wrapCard(summarizeAlertNotices(notices), body, actions);
}

function digestPayload(digest: DigestNotice, alertsUrl: string, itemsShown: number): TeamsPayload {
  const body: CardElement[] = [
    { type: 'TextBlock', text: 'Envelope tracker', wrap: true, size: 'Small', isSubtle: true },
    richText([run(`Daily summary for ${shortenLine(digest.date, 20)}`, { weight: 'Bolder', size: 'Large' })]),
    richText(
      [
        run(`Channel "${shortenLine(digest.channelName, 100)}" · ${shortenLine(digest.timeZone, 60)}`, {
          isSubtle: true,
        }),
      ],
      'None',
    ),
    ...digest.sections.map((section): CardElement => {
      const count = section.items.length + section.more;
      const items = section.items.slice(0, itemsShown);
      const more = count - items.length;
      return {
        type: 'Container',
        separator: true,
        spacing: 'Medium',
        items: [
          richText([run(shortenLine(section.title, 100), { weight: 'Bolder' }), run(` (${count})`)]),
          ...(count === 0 ? [textBlock('Nothing.')] : []),
          ...items.map((item) => {
            const link = toSafeLink(item.url);
            return richText(
              [
                run('• '),
                run(shortenLine(item.summary, LINE_CHARS), link ? { selectAction: openUrl('Open', link) } : {}),
              ],
              'None',
            );
          }),
          ...(more > 0 && items.length > 0 ? [textBlock(`…and ${more} more`)] : []),
        ],
      };
    }),
    {
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        richText([
          run(`Sent to the channel "${shortenLine(digest.channelName, 100)}" as its daily summary.`, {
            size: 'Small',
            isSubtle: true,
          }),
        ]),
      ],
    },
  ];
  const actions = [
    ...optionalOpenUrl('Open the dashboard', digest.dashboardUrl),
    ...optionalOpenUrl('Change alerts', alertsUrl),
  ];
  return wrapCard(summarizeDigest(digest), body, actions);
}

function wrapCard(fallbackText: string, body: CardElement[], actions: OpenUrl[]): TeamsPayload {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          fallbackText,
          body,
          actions,
          msteams: { width: 'Full' },
        },
      },
    ],
  };
}

function run(text: string, style: Omit<TextRun, 'type' | 'text'> = {}): TextRun {
  return { type: 'TextRun', text, ...style };
}

function richText(inlines: TextRun[], spacing?: 'None' | 'Small'): CardElement {
  return spacing ? { type: 'RichTextBlock', inlines, spacing } : { type: 'RichTextBlock', inlines };
}

/** Our own words only: a TextBlock reads Markdown. */
function textBlock(text: string): CardElement {
  return { type: 'TextBlock', text, wrap: true, isSubtle: true };
}

function openUrl(title: string, url: string): OpenUrl {
  return { type: 'Action.OpenUrl', title, url };
}

function optionalOpenUrl(title: string, url: string): OpenUrl[] {
  const safe = toSafeLink(url);
  return safe ? [openUrl(title, safe)] : [];
}

const byteSize = (payload: TeamsPayload) => Buffer.byteLength(JSON.stringify(payload));
