import type { DigestNotice } from '../alert-notice';
import { alertsPageUrl } from './alerts-page-url';
import { EMAIL_STYLE, wrapEmailLayout } from './email-layout';
import { escapeHtml } from './escape-html';
import type { AlertEmail } from './format-alert-message';
import { EMAIL_SUBJECT_PREFIX } from './format-alert-message';
import { shortenLine } from './shorten-line';
import { summarizeDigest } from './summarize-digest';
import { toSafeLink } from './to-safe-link';

const ITEMS_SHOWN = 50;
const LINE_CHARS = 500;
const SUBJECT_CHARS = 250;

/** A channel's daily summary as an e-mail: each section with its items linked, and what was left out counted. */
export function formatDigestMessage(options: { digest: DigestNotice; publicUrl: string }): AlertEmail {
  const { digest } = options;
  const subject = shortenLine(EMAIL_SUBJECT_PREFIX + summarizeDigest(digest), SUBJECT_CHARS);
  const alertsUrl = alertsPageUrl(options.publicUrl);
  const heading = `Daily summary for ${shortenLine(digest.date, 20)} (${shortenLine(digest.timeZone, 60)})`;
  const origin = `Sent to the channel "${shortenLine(digest.channelName, 100)}" as its daily summary.`;
  const sections = digest.sections.map((section) => {
    const items = section.items.slice(0, ITEMS_SHOWN).map((item) => ({
      summary: shortenLine(item.summary, LINE_CHARS),
      link: toSafeLink(item.url),
    }));
    return {
      title: shortenLine(section.title, 100),
      count: section.items.length + section.more,
      items,
      more: section.more + section.items.length - items.length,
    };
  });
  const dashboardLink = toSafeLink(digest.dashboardUrl);

  const text = [
    heading,
    '',
    ...sections.flatMap((section) => [
      `${section.title} (${section.count})`,
      ...(section.count === 0 ? ['  Nothing.'] : []),
      ...section.items.flatMap((item) => [`- ${item.summary}`, ...(item.link ? [`  ${item.link}`] : [])]),
      ...(section.more > 0 ? [`  …and ${section.more} more`] : []),
      '',
    ]),
    ...(dashboardLink ? [`Open the dashboard: ${dashboardLink}`, ''] : []),
    '-- ',
    origin,
    `Change or pause alerts: ${alertsUrl}`,
    '',
  ].join('\n');

  const link = (href: string | null, label: string) =>
    href ? `<a href="${escapeHtml(href)}" style="${EMAIL_STYLE.link}">${escapeHtml(label)}</a>` : escapeHtml(label);
  const rows = [
    `<tr><td style="${EMAIL_STYLE.heading}">${escapeHtml(heading)}</td></tr>`,
    ...sections.map((section) =>
      [
        `<tr><td style="${EMAIL_STYLE.item}">`,
        `<p style="${EMAIL_STYLE.summary}">${escapeHtml(section.title)} (${section.count})</p>`,
        ...(section.count === 0 ? [`<p style="${EMAIL_STYLE.context}">Nothing.</p>`] : []),
        ...section.items.map((item) => `<p style="${EMAIL_STYLE.detail}">${link(item.link, item.summary)}</p>`),
        ...(section.more > 0 ? [`<p style="${EMAIL_STYLE.context}">…and ${section.more} more</p>`] : []),
        '</td></tr>',
      ].join('\n'),
    ),
    ...(dashboardLink
      ? [
          `<tr><td style="${EMAIL_STYLE.item}"><a href="${escapeHtml(dashboardLink)}" style="${EMAIL_STYLE.button}">Open the dashboard</a></td></tr>`,
        ]
      : []),
    `<tr><td style="${EMAIL_STYLE.footer}">${escapeHtml(origin)}<br>Change or pause alerts: ${link(toSafeLink(alertsUrl), alertsUrl)}</td></tr>`,
  ];
  return { subject, text, html: wrapEmailLayout({ title: subject, rows }) };
}
