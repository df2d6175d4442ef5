import { describe, expect, it } from 'vitest';
import { signRequestSnippet } from './sign-request-snippet';

describe('signRequestSnippet', () => {
  it('is valid JSON with both URLs', () => {
    expect(JSON.parse(signRequestSnippet('a', 'b'))).toEqual({
      SignedDocumentName: 'signedContract',
      WebhookUrl: 'a',
      WebhookStatusUrl: 'b',
    });
  });
});
