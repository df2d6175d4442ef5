import { describe, expect, it } from 'vitest';
import { TEST_PUBLIC_URL, testAlertNotice } from '@/app/testing/alert-notices';
import type { AlertNotice, DigestNotice } from '../alert-notice';
import { buildSlackPayload, SLACK_MAX_BLOCKS, SLACK_MAX_SECTION_CHARS, type SlackBlock } from './slack-payload';

const PUBLIC_URL = TEST_PUBLIC_URL;

const notice = testAlertNotice;

const build = (notices: AlertNotice[]) => buildSlackPayload({ notices, channelName: '#ops', publicUrl: PUBLIC_URL });
const textsOf = (blocks: SlackBlock[]) =>
  blocks.flatMap((block) =>
    block.type === 'context' ? block.elements.map((element) => element.text) : [block.text.text],
  );

describe('buildSlackPayload', () => {
  it('has the one-line summary as text, a header, the notice as a section with a link to the envelope, and context', () => {
    const payload = build([notice()]);
    expect(payload.text).toBe('Rejected: Loan agreement 42 (env-123)');
    expect(payload.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Rejected', emoji: false } });
    expect(payload.blocks[1]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    const section = textsOf([payload.blocks[1]!])[0]!;
    expect(section).toContain('*Rejected: Loan agreement 42 (env-123), Jane Doe declined*');
    expect(section).toContain('Declined by jane@example.com');
    expect(section).toContain(`<${PUBLIC_URL}/envelopes/env-123|Open envelope>`);
    expect(payload.blocks[2]).toMatchObject({ type: 'context' });
    expect(textsOf([payload.blocks[2]!])[0]).toContain('Envelope env-123 · status rejected · hook Production');
    expect(textsOf([payload.blocks.at(-1)!])[0]).toContain(`<${PUBLIC_URL}/alerts|Change or pause alerts>`);
    expect(payload.unfurl_links).toBe(false);
  });

  it('escapes & < > in hostile values so they cannot make links or mentions', () => {
    const hostile = 'Loan <!channel> & <https://evil.example|click> <@U123>';
    const payload = build([
      notice({
        summary: `Rejected: ${hostile}`,
        details: [hostile],
        envelope: { id: 'env-1', name: hostile, status: 'rejected', url: `${PUBLIC_URL}/envelopes/env-1?a=1&b=|2>` },
      }),
    ]);
    const all = [payload.text, ...textsOf(payload.blocks)].join('\n');
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<https://evil.example');
    expect(all).not.toContain('<@U123>');
    expect(all).toContain('Loan &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt; &lt;@U123&gt;');
    // The link's address keeps to one link: | and > are percent-encoded, & is Slack's entity.
    expect(all).toContain(`<${PUBLIC_URL}/envelopes/env-1?a=1&amp;b=%7C2%3E|Open envelope>`);
  });

  it('folds several notices into one message', () => {
    const payload = build([
      notice(),
      notice({ deliveryId: 8, summary: 'Expired: Lease 7 (env-456)' }),
      notice({ deliveryId: 9, test: true }),
    ]);
    expect(payload.text).toBe('3 alerts: Rejected: Loan agreement 42 (env-123), Jane Doe declined, …');
    expect(payload.blocks[0]).toMatchObject({ type: 'header', text: { text: '3 alerts' } });
    expect(payload.blocks.filter((block) => block.type === 'section')).toHaveLength(3);
    expect(textsOf(payload.blocks).join('\n')).toContain('*[test] Rejected');
  });

  it('keeps within 50 blocks and says how many more there are', () => {
    const notices = Array.from({ length: 60 }, (_, index) =>
      notice({ deliveryId: index, summary: `Alert number ${index}` }),
    );
    const payload = build(notices);
    expect(payload.blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
    expect(textsOf(payload.blocks).join('\n')).toContain('Alert number 22');
    expect(textsOf(payload.blocks).join('\n')).not.toContain('Alert number 23');
    expect(textsOf(payload.blocks).join('\n')).toContain(
      `…and 37 more alerts: <${PUBLIC_URL}/alerts|see the alerts page>`,
    );
  });

  it('keeps every section within 3000 characters, folding the lines that do not fit', () => {
    const payload = build([
      notice({ details: Array.from({ length: 40 }, (_, index) => `${index} ${'&'.repeat(280)}`) }),
    ]);
    const section = payload.blocks.find((block) => block.type === 'section')!;
    const text = textsOf([section])[0]!;
    expect(text.length).toBeLessThanOrEqual(SLACK_MAX_SECTION_CHARS);
    expect(text).toMatch(/…and \d+ more lines/);
    expect(text).toContain('|Open envelope>');
    // Lines are left out whole: no entity is cut.
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });

  it('builds a daily summary', () => {
    const digest: DigestNotice = {
      deliveryId: 11,
      channelName: '#ops',
      date: '2026-12-01',
      timeZone: 'Europe/Berlin',
      dashboardUrl: `${PUBLIC_URL}/`,
      sections: [
        {
          title: 'Waiting for signatures',
          items: Array.from({ length: 30 }, (_, index) => ({
            summary: `<b>${index}</b> ${'x'.repeat(200)}`,
            url: `${PUBLIC_URL}/envelopes/env-${index}`,
          })),
          more: 5,
        },
        { title: 'Expiring within 3 days', items: [], more: 0 },
      ],
    };
    const payload = buildSlackPayload({ digest, channelName: '#ops', publicUrl: PUBLIC_URL });
    expect(payload.text).toBe('Daily summary for 2026-12-01: 35 waiting for signatures');
    expect(payload.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Daily summary for 2026-12-01' } });
    const texts = textsOf(payload.blocks);
    const waiting = texts.find((text) => text.startsWith('*Waiting for signatures* (35)'))!;
    expect(waiting.length).toBeLessThanOrEqual(SLACK_MAX_SECTION_CHARS);
    expect(waiting).toContain(`• <${PUBLIC_URL}/envelopes/env-0|&lt;b&gt;0&lt;/b&gt; `);
    expect(waiting).toMatch(/…and \d+ more$/);
    expect(texts).toContain('*Expiring within 3 days* (0)\nNothing.');
    expect(texts).toContain(`<${PUBLIC_URL}/|Open the dashboard>`);
  });
});
