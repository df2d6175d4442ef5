import { describe, expect, it } from 'vitest';
import { urlBreakPieces } from './url-break-points';

describe('urlBreakPieces', () => {
  it('breaks after path slashes and before the query, never inside the scheme or the host', () => {
    expect(urlBreakPieces('https://crm.example.com/hooks/esign?tenant=42&env=prod#x')).toEqual([
      'https://crm.example.com/',
      'hooks/',
      'esign',
      '?tenant=42',
      '&env=prod',
      '#x',
    ]);
    expect(urlBreakPieces('http://127.0.0.1:3000/')).toEqual(['http://127.0.0.1:3000/']);
  });

  it('gives back the URL whole when there is nowhere to break', () => {
    expect(urlBreakPieces('https://example.com')).toEqual(['https://example.com']);
  });
});
