import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './create-seeded-random';
import { inventSandboxEnvelope } from './invent-sandbox-envelope';
import { printable } from './sandbox-pdf';

describe('inventSandboxEnvelope', () => {
  it('invents distinct people with plain e-mail addresses and names the PDF fonts can print', () => {
    for (let seed = 0; seed < 500; seed++) {
      const envelope = inventSandboxEnvelope({ random: createSeededRandom(seed) });
      expect(envelope.recipients.length).toBeGreaterThanOrEqual(1);
      expect(envelope.recipients.length).toBeLessThanOrEqual(3);
      const emails = envelope.recipients.map((recipient) => recipient.email);
      expect(new Set(emails).size).toBe(emails.length);
      for (const recipient of envelope.recipients) {
        expect(recipient.email).toMatch(/^[a-z]+\.[a-z]+@[a-z]+\.[a-z]+$/);
        expect(printable(`${recipient.givenName} ${recipient.surname}`)).toBe(
          `${recipient.givenName} ${recipient.surname}`,
        );
      }
      expect(envelope.name).toContain(envelope.customValues.contract);
      expect(envelope.name).toContain(envelope.recipients[0]!.surname);
    }
  });

  it('gives the recipient count asked for', () => {
    expect(inventSandboxEnvelope({ random: createSeededRandom(1), recipientCount: 5 }).recipients).toHaveLength(5);
  });
});

describe('printable', () => {
  it('keeps WinAnsi text and replaces what the standard fonts cannot draw', () => {
    expect(printable('Müller, Lefèvre, Björn – “quoted” €')).toBe('Müller, Lefèvre, Björn – “quoted” €');
    expect(printable('Ștefan Țiriac 日本')).toBe('?tefan ?iriac ??');
  });
});
