import type { AlertNotice } from '../alert-notice';
import { alertsPageUrl } from './alerts-page-url';
import { describeAlertContext } from './describe-alert-context';
import { describeAlertOrigin } from './describe-alert-origin';
import { EMAIL_STYLE, wrapEmailLayout } from './email-layout';
import { escapeHtml } from './escape-html';
import { shortenLine } from './shorten-line';
import { summarizeAlertNotices } from './summarize-alert-notices';
import { toSafeLink } from './to-safe-link';

export type AlertEmail = { subject: string; text: string; html: string };

export const EMAIL_SUBJECT_PREFIX = '[Envelope tracker] ';

// A mail has no hard size limit, but a reader has: past these, the rest is one line pointing to the alerts page.
const NOTICES_SHOWN = 50;
const DETAILS_SHOWN = 20;
const LINE_CHARS = 500;
const SUBJECT_CHARS = 250;

type ShownNotice = {
  test: boolean;
  summary: string;
  details: string[];
  context: string;
  link: string | null;
};

/**
 * One e-mail for the notices due together on one channel: a subject that names the envelope (name and id), and the
 * same content as plain text and as HTML, every value escaped (names and custom values come from webhooks).
 */
export function formatAlertMessage(options: {
  notices: readonly AlertNotice[];
  channelName: string;
  publicUrl: string;
}): AlertEmail {
  const { notices } = options;
  const alertsUrl = alertsPageUrl(options.publicUrl);
  const subject = shortenLine(EMAIL_SUBJECT_PREFIX + summarizeAlertNotices(notices), SUBJECT_CHARS);
  const shown: ShownNotice[] = notices.slice(0, NOTICES_SHOWN).map((notice) => ({
    test: notice.test,
    summary: shortenLine(notice.summary, LINE_CHARS),
    details: notice.details.slice(0, DETAILS_SHOWN).map((detail) => shortenLine(detail, LINE_CHARS)),
    context: describeAlertContext(notice).join(' · '),
    link: notice.envelope ? toSafeLink(notice.envelope.url) : null,
  }));
  const more = notices.length - shown.length;
  const origin = describeAlertOrigin({ notices, channelName: options.channelName });
  const heading = notices.length > 1 ? `${notices.length} alerts` : null;

  const text = [
    ...(heading ? [`${heading}:`, ''] : []),
    shown
      .map((notice) =>
        [
          `${notice.test ? '[test] ' : ''}${notice.summary}`,
          ...notice.details,
          notice.context,
          ...(notice.link ? [`Open envelope: ${notice.link}`] : []),
        ].join('\n'),
      )
      .join('\n\n'),
    ...(more > 0 ? ['', `…and ${more} more: ${alertsUrl}`] : []),
    '',
    '-- ',
    origin,
    `Change or pause alerts: ${alertsUrl}`,
    '',
  ].join('\n');

  const safeAlertsUrl = toSafeLink(alertsUrl);
  const alertsLink = safeAlertsUrl
    ? `<a href="${escapeHtml(safeAlertsUrl)}" style="${EMAIL_STYLE.link}">${escapeHtml(alertsUrl)}</a>`
    : escapeHtml(alertsUrl);
  const rows = [
    ...(heading ? [`<tr><td style="${EMAIL_STYLE.heading}">${escapeHtml(heading)}</td></tr>`] : []),
    ...shown.map((notice) => noticeRow(notice)),
    ...(more > 0
      ? [
          `<tr><td style="${EMAIL_STYLE.item}"><p style="${EMAIL_STYLE.detail}">…and ${more} more: ${alertsLink}</p></td></tr>`,
        ]
      : []),
    `<tr><td style="${EMAIL_STYLE.footer}">${escapeHtml(origin)}<br>Change or pause alerts: ${alertsLink}</td></tr>`,
  ];
  return { subject, text, html: wrapEmailLayout({ title: subject, rows }) };
}

function noticeRow(notice: ShownNotice): string {
  const badge = notice.test ? `<span style="${EMAIL_STYLE.badge}">TEST</span>` : '';
  return [
    `<tr><td style="${EMAIL_STYLE.item}">`,
    `<p style="${EMAIL_STYLE.summary}">${badge}${escapeHtml(notice.summary)}</p>`,
    ...notice.details.map((detail) => `<p style="${EMAIL_STYLE.detail}">${escapeHtml(detail)}</p>`),
    `<p style="${EMAIL_STYLE.context}">${escapeHtml(notice.context)}</p>`,
    ...(notice.link ? [`<a href="${escapeHtml(notice.link)}" style="${EMAIL_STYLE.button}">Open envelope</a>`] : []),
    '</td></tr>',
  ].join('\n');
}
