import { describe, expect, it } from 'vitest';
import { TEST_PUBLIC_URL, testAlertNotice } from '@/app/testing/alert-notices';
import type { AlertNotice, DigestNotice } from '../alert-notice';
import { buildTeamsPayload, TEAMS_MAX_PAYLOAD_BYTES } from './teams-payload';

const PUBLIC_URL = TEST_PUBLIC_URL;
const MARKDOWN_TRAP = '**Loan** [Sign here](https://evil.example) <b>x</b>';

// Its detail line is a whole text element of the card.
const notice = (overrides: Partial<AlertNotice> = {}) =>
  testAlertNotice({ details: ['Declined by jane@example.com'], ...overrides });

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every object of the card, depth first. */
function objectsOf(value: unknown): Record<string, Json>[] {
  if (Array.isArray(value)) return value.flatMap(objectsOf);
  if (value && typeof value === 'object') {
    return [value as Record<string, Json>, ...Object.values(value).flatMap(objectsOf)];
  }
  return [];
}

describe('buildTeamsPayload', () => {
  it('is a message with one Adaptive Card 1.4 and an "Open envelope" action', () => {
    const payload = buildTeamsPayload({ notices: [notice()], channelName: 'Ops', publicUrl: PUBLIC_URL });
    expect(payload.type).toBe('message');
    expect(payload.attachments).toHaveLength(1);
    const [attachment] = payload.attachments;
    expect(attachment!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment!.content).toMatchObject({
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.4',
      fallbackText: 'Rejected: Loan agreement 42 (env-123)',
    });
    expect(attachment!.content.actions[0]).toEqual({
      type: 'Action.OpenUrl',
      title: 'Open envelope',
      url: `${PUBLIC_URL}/envelopes/env-123`,
    });
    const texts = objectsOf(attachment!.content.body).flatMap((object) =>
      typeof object.text === 'string' ? [object.text] : [],
    );
    expect(texts).toContain('Rejected: Loan agreement 42 (env-123), Jane Doe declined');
    expect(texts).toContain('Declined by jane@example.com');
    expect(texts.some((text) => text.includes('Envelope env-123 · status rejected'))).toBe(true);
  });

  it('puts values from outside only into TextRuns, which show Markdown as it is', () => {
    const payload = buildTeamsPayload({
      notices: [notice({ summary: MARKDOWN_TRAP, details: [MARKDOWN_TRAP], hookName: MARKDOWN_TRAP })],
      channelName: MARKDOWN_TRAP,
      publicUrl: PUBLIC_URL,
    });
    const objects = objectsOf(payload.attachments[0]!.content.body);
    const holding = objects.filter((object) => typeof object.text === 'string' && object.text.includes('[Sign here]'));
    expect(holding.length).toBeGreaterThanOrEqual(3);
    expect(holding.every((object) => object.type === 'TextRun')).toBe(true);
  });

  it('folds several notices, each with its own link, and never links anything but http(s)', () => {
    const payload = buildTeamsPayload({
      notices: [
        notice(),
        notice({ deliveryId: 8, envelope: { id: 'env-2', name: null, status: 'sent', url: 'javascript:alert(1)' } }),
        notice({ deliveryId: 9, envelope: null, summary: 'No notifications for 2 h' }),
      ],
      channelName: 'Ops',
      publicUrl: PUBLIC_URL,
    });
    const card = payload.attachments[0]!.content;
    expect(card.fallbackText).toBe('3 alerts: Rejected: Loan agreement 42 (env-123), Jane Doe declined, …');
    const urls = objectsOf(card)
      .filter((object) => object.type === 'Action.OpenUrl')
      .map((object) => object.url);
    expect(urls).toEqual([`${PUBLIC_URL}/envelopes/env-123`, `${PUBLIC_URL}/alerts`]);
    expect(JSON.stringify(card)).not.toContain('javascript:');
  });

  it('stays under the size Teams takes', () => {
    const notices = Array.from({ length: 40 }, (_, index) =>
      notice({
        deliveryId: index,
        summary: `Alert ${index} ${'y'.repeat(290)}`,
        details: Array.from({ length: 10 }, () => 'z'.repeat(290)),
      }),
    );
    const payload = buildTeamsPayload({ notices, channelName: 'Ops', publicUrl: PUBLIC_URL });
    expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThanOrEqual(TEAMS_MAX_PAYLOAD_BYTES);
    expect(JSON.stringify(payload)).toMatch(/…and \d+ more alerts on the alerts page\./);
  });

  it('builds a daily summary card', () => {
    const digest: DigestNotice = {
      deliveryId: 11,
      channelName: 'Ops',
      date: '2026-12-01',
      timeZone: 'Europe/Berlin',
      dashboardUrl: `${PUBLIC_URL}/`,
      sections: [
        {
          title: 'Waiting for signatures',
          items: [{ summary: MARKDOWN_TRAP, url: `${PUBLIC_URL}/envelopes/env-1` }],
          more: 3,
        },
        { title: 'Expiring within 3 days', items: [], more: 0 },
      ],
    };
    const card = buildTeamsPayload({ digest, channelName: 'Ops', publicUrl: PUBLIC_URL }).attachments[0]!.content;
    expect(card.fallbackText).toBe('Daily summary for 2026-12-01: 4 waiting for signatures');
    expect(card.actions[0]).toEqual({ type: 'Action.OpenUrl', title: 'Open the dashboard', url: `${PUBLIC_URL}/` });
    const item = objectsOf(card.body).find((object) => object.text === MARKDOWN_TRAP)!;
    expect(item).toMatchObject({
      type: 'TextRun',
      selectAction: { type: 'Action.OpenUrl', url: `${PUBLIC_URL}/envelopes/env-1` },
    });
    expect(JSON.stringify(card)).toContain('…and 3 more');
  });
});
