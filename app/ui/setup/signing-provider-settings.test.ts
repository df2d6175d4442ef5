import { describe, expect, it } from 'vitest';
import { signingProviderSettings } from './signing-provider-settings';

describe('signingProviderSettings', () => {
  it('says whether a token is set without showing it', () => {
    const settings = signingProviderSettings(
      { provider: 'esignanywhere', problem: null, baseUrl: 'https://demo.esignanywhere.net', apiToken: 'tok-123456' },
      'esignanywhere',
    );
    expect(settings).toEqual([
      ['SIGNING_PROVIDER', 'esignanywhere'],
      ['ESAW_BASE_URL', 'https://demo.esignanywhere.net'],
      ['ESAW_API_TOKEN', 'set (hidden)'],
    ]);
    expect(JSON.stringify(settings)).not.toContain('tok-123456');
  });

  it('marks what is missing', () => {
    expect(
      signingProviderSettings(
        { provider: 'esignanywhere', problem: 'missing', baseUrl: null, apiToken: null },
        'esignanywhere',
      ),
    ).toEqual([
      ['SIGNING_PROVIDER', 'esignanywhere'],
      ['ESAW_BASE_URL', null],
      ['ESAW_API_TOKEN', null],
    ]);
  });

  it('keeps credentials in a document address, its query or its auth header out of the page', () => {
    const settings = signingProviderSettings(
      {
        provider: 'http',
        problem: null,
        urlTemplate: 'https://user:pw@files.example.com/{envelopeId}.pdf?token=abc',
        authHeader: 'X-Key: s3cret',
      },
      'http',
    );
    expect(settings).toEqual([
      ['SIGNING_PROVIDER', 'http'],
      ['DOCUMENT_URL_TEMPLATE', 'https://…@files.example.com/{envelopeId}.pdf?…'],
      ['DOCUMENT_AUTH_HEADER', 'X-Key: (hidden)'],
    ]);
  });

  it('says which default was taken when SIGNING_PROVIDER is unset', () => {
    expect(signingProviderSettings({ provider: 'none', problem: null, reason: 'r' }, undefined)).toEqual([
      ['SIGNING_PROVIDER', 'not set, so none'],
    ]);
  });
});
