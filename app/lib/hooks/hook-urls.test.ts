import { describe, expect, it } from 'vitest';
import { withCustomQuery } from './hook-urls';

const URL_TEMPLATE = 'https://esign.example.com/api/webhooks/abc?envelopeId=##EnvelopeId##&action=##Action##';

describe('withCustomQuery', () => {
  it('leaves the URL alone without parameters', () => {
    expect(withCustomQuery(URL_TEMPLATE, '  ')).toBe(URL_TEMPLATE);
  });

  it('inserts the parameters before envelopeId, ignoring stray separators', () => {
    expect(withCustomQuery(URL_TEMPLATE, '?contract=123&')).toBe(
      'https://esign.example.com/api/webhooks/abc?contract=123&envelopeId=##EnvelopeId##&action=##Action##',
    );
  });
});
