import { describe, expect, it } from 'vitest';
import { contentDisposition, matchesIfNoneMatch } from './content-disposition';

describe('download headers', () => {
  it('keep file names readable but unable to break the header or name a path', () => {
    expect(contentDisposition('attachment', 'Contract.pdf')).toBe(
      `attachment; filename="Contract.pdf"; filename*=UTF-8''Contract.pdf`,
    );
    const header = contentDisposition('inline', '../"evil";\r\nX-Injected: 1\\Vertrag über.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('inline; filename="..__evil____X-Injected: 1_Vertrag uber.pdf"')).toBe(true);
    expect(header).toContain(`filename*=UTF-8''.._%22evil%22%3B__X-Injected%3A%201_Vertrag%20%C3%BCber.pdf`);
    expect(contentDisposition('attachment', 'audit')).toContain('filename="audit.pdf"');
  });

  it('match If-None-Match lists, weak tags and *', () => {
    const etag = '"abc"';
    expect(matchesIfNoneMatch('"abc"', etag)).toBe(true);
    expect(matchesIfNoneMatch('"x", W/"abc"', etag)).toBe(true);
    expect(matchesIfNoneMatch('*', etag)).toBe(true);
    expect(matchesIfNoneMatch('"abd"', etag)).toBe(false);
    expect(matchesIfNoneMatch(null, etag)).toBe(false);
  });
});
