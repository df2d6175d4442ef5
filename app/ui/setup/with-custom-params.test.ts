import { describe, expect, it } from 'vitest';
import { signRequestSnippet, withCustomParams } from './with-custom-params';

const URL_TEMPLATE = 'https://esign.example.com/api/webhooks/abc?envelopeId=##EnvelopeId##&action=##Action##';

describe('withCustomParams', () => {
  it('leaves the URL alone without parameters', () => {
    expect(withCustomParams(URL_TEMPLATE, '  ')).toBe(URL_TEMPLATE);
  });

  it('inserts the parameters before envelopeId, ignoring stray separators', () => {
    expect(withCustomParams(URL_TEMPLATE, '?contract=123&')).toBe(
      'https://esign.example.com/api/webhooks/abc?contract=123&envelopeId=##EnvelopeId##&action=##Action##',
    );
  });
});

describe('signRequestSnippet', () => {
  it('is valid JSON with both URLs', () => {
    expect(JSON.parse(signRequestSnippet('a', 'b'))).toEqual({
      SignedDocumentName: 'signedContract',
      WebhookUrl: 'a',
      WebhookStatusUrl: 'b',
    });
  });
});
