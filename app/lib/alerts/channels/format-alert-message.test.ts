import { describe, expect, it } from 'vitest';
import { TEST_PUBLIC_URL, testAlertNotice } from '@/app/testing/alert-notices';
import type { AlertNotice, DigestNotice } from '../alert-notice';
import { formatAlertMessage } from './format-alert-message';
import { formatDigestMessage } from './format-digest-message';

const PUBLIC_URL = TEST_PUBLIC_URL;
const HOSTILE = `<script>alert("x")</script> & 'Loan' <img src=x onerror=y>`;

const notice = testAlertNotice;

const format = (notices: AlertNotice[]) =>
  formatAlertMessage({ notices, channelName: 'Ops e-mail', publicUrl: PUBLIC_URL });

describe('formatAlertMessage', () => {
  it('names the envelope by name and id in the subject, and links it in the text and the HTML', () => {
    const message = format([notice()]);
    expect(message.subject).toBe('[Envelope tracker] Rejected: Loan agreement 42 (env-123)');
    expect(message.text).toContain('Rejected: Loan agreement 42 (env-123), Jane Doe declined');
    expect(message.text).toContain('Declined by jane@example.com on 1 Dec 2026, 09:12 UTC');
    expect(message.text).toContain(`Open envelope: ${PUBLIC_URL}/envelopes/env-123`);
    expect(message.text).toContain(`Change or pause alerts: ${PUBLIC_URL}/alerts`);
    expect(message.text).toContain('the alert rule "A recipient rejects an envelope" to the channel "Ops e-mail"');
    expect(message.html).toContain(`<a href="${PUBLIC_URL}/envelopes/env-123"`);
    expect(message.html).toContain('>Open envelope</a>');
    expect(message.html).toContain(`href="${PUBLIC_URL}/alerts"`);
  });

  it('uses the id alone without a name, and the summary for an alert about no envelope', () => {
    const unnamed = notice({
      envelope: { id: 'env-9', name: null, status: 'sent', url: `${PUBLIC_URL}/envelopes/env-9` },
    });
    expect(format([unnamed]).subject).toBe('[Envelope tracker] Rejected: env-9');
    const silence = notice({
      kind: 'silence',
      title: 'Silence',
      summary: 'No notifications from Production for 2 h',
      envelope: null,
    });
    const message = format([silence]);
    expect(message.subject).toBe('[Envelope tracker] No notifications from Production for 2 h');
    expect(message.text).not.toContain('Open envelope');
    expect(message.html).not.toContain('Open envelope');
  });

  it('marks test envelopes', () => {
    const message = format([notice({ test: true })]);
    expect(message.subject).toBe('[Envelope tracker] [test] Rejected: Loan agreement 42 (env-123)');
    expect(message.text).toContain('[test] Rejected: Loan agreement 42');
    expect(message.html).toContain('>TEST</span>');
  });

  it('folds several notices into one message that counts them', () => {
    const notices = [
      notice(),
      notice({
        deliveryId: 8,
        summary: 'Expired: Lease 7 (env-456)',
        envelope: { id: 'env-456', name: 'Lease 7', status: 'expired', url: `${PUBLIC_URL}/envelopes/env-456` },
      }),
      notice({
        deliveryId: 9,
        ruleId: 'alr_ffffffffffffffffffffffff',
        ruleDescription: 'An envelope is canceled',
        summary: 'Canceled: env-789',
      }),
    ];
    const message = format(notices);
    expect(message.subject).toBe(
      '[Envelope tracker] 3 alerts: Rejected: Loan agreement 42 (env-123), Jane Doe declined, …',
    );
    expect(message.text).toContain('Expired: Lease 7 (env-456)');
    expect(message.text).toContain('Canceled: env-789');
    expect(message.text).toContain(`${PUBLIC_URL}/envelopes/env-456`);
    expect(message.text).toContain('the alert rules "A recipient rejects an envelope", "An envelope is canceled"');
    expect(message.html.match(/>Open envelope<\/a>/g)).toHaveLength(3);
  });

  it('escapes hostile names and values in the HTML, and keeps them on one line in the subject', () => {
    const hostile = notice({
      summary: `Rejected: ${HOSTILE}`,
      details: [`Custom value: ${HOSTILE}`],
      envelope: {
        id: 'env-"1"',
        name: `${HOSTILE}\r\nBcc: victim@example.com`,
        status: 'rejected',
        url: `${PUBLIC_URL}/envelopes/env-%221%22`,
      },
      hookName: '<b>hook</b>',
    });
    const message = format([hostile]);
    expect(message.html).not.toMatch(/<script|<img|<b>hook/);
    expect(message.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Loan&#39; &lt;img src=x onerror=y&gt;',
    );
    expect(message.html).toContain('hook &lt;b&gt;hook&lt;/b&gt;');
    expect(message.subject).not.toMatch(/[\r\n]/);
    expect(message.subject).toMatch(
      /^\[Envelope tracker\] Rejected: <script>alert\("x"\)<\/script> & 'Loan' <img src=x onerror=y> Bcc: victim@example.+ \(env-"1"\)$/,
    );
    expect(message.text).toContain(`Rejected: ${HOSTILE}`);
  });

  it('never links an address that is not http(s)', () => {
    const message = format([
      notice({ envelope: { id: 'env-1', name: null, status: 'sent', url: 'javascript:alert(1)' } }),
    ]);
    expect(message.html).not.toContain('javascript:');
    expect(message.text).not.toContain('javascript:');
  });

  it('shortens a very long name in the subject', () => {
    const message = format([
      notice({
        envelope: { id: 'env-1', name: 'x'.repeat(5000), status: 'sent', url: `${PUBLIC_URL}/envelopes/env-1` },
      }),
    ]);
    expect(message.subject.length).toBeLessThanOrEqual(250);
    expect(message.subject).toContain('…');
    expect(message.subject).toContain('(env-1)');
  });
});

describe('formatDigestMessage', () => {
  const digest: DigestNotice = {
    deliveryId: 11,
    channelName: 'Ops <e-mail>',
    date: '2026-12-01',
    timeZone: 'Europe/Berlin',
    dashboardUrl: `${PUBLIC_URL}/`,
    sections: [
      {
        title: 'Waiting for signatures',
        items: [
          {
            summary: 'Loan agreement 42 (env-123): waiting on jane@example.com',
            url: `${PUBLIC_URL}/envelopes/env-123`,
          },
          { summary: HOSTILE, url: `${PUBLIC_URL}/envelopes/env-666` },
        ],
        more: 2,
      },
      {
        title: 'Ended badly yesterday',
        items: [{ summary: 'Lease 7 (env-456): rejected', url: `${PUBLIC_URL}/envelopes/env-456` }],
        more: 0,
      },
      { title: 'Expiring within 3 days', items: [], more: 0 },
    ],
  };

  it('counts each section in the subject and lists the items with their links', () => {
    const message = formatDigestMessage({ digest, publicUrl: PUBLIC_URL });
    expect(message.subject).toBe(
      '[Envelope tracker] Daily summary for 2026-12-01: 4 waiting for signatures, 1 ended badly yesterday',
    );
    expect(message.text).toContain('Waiting for signatures (4)');
    expect(message.text).toContain('- Loan agreement 42 (env-123): waiting on jane@example.com');
    expect(message.text).toContain(`  ${PUBLIC_URL}/envelopes/env-123`);
    expect(message.text).toContain('…and 2 more');
    expect(message.text).toContain('Expiring within 3 days (0)\n  Nothing.');
    expect(message.html).toContain(`href="${PUBLIC_URL}/envelopes/env-456"`);
    expect(message.html).toContain('>Open the dashboard</a>');
  });

  it('escapes the items and the channel name in the HTML', () => {
    const { html } = formatDigestMessage({ digest, publicUrl: PUBLIC_URL });
    expect(html).not.toMatch(/<script|<img|<e-mail>/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Ops &lt;e-mail&gt;');
  });

  it('says so when nothing needs anyone', () => {
    const quiet = { ...digest, sections: digest.sections.map((section) => ({ ...section, items: [], more: 0 })) };
    expect(formatDigestMessage({ digest: quiet, publicUrl: PUBLIC_URL }).subject).toBe(
      '[Envelope tracker] Daily summary for 2026-12-01: nothing needs you',
    );
  });
});
