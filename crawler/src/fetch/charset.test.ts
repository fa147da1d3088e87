import { describe, expect, it } from 'vitest';
import { decodeHtml } from './charset.ts';

const windows1252 = (text: string) =>
  Buffer.from(
    [...text].map((char) => ({ '€': 0x80, '“': 0x93, '”': 0x94, '–': 0x96 })[char] ?? char.charCodeAt(0)),
  );

describe('decoding HTML', () => {
  it('uses the charset in the Content-Type header', () => {
    const decoded = decodeHtml(
      windows1252('<p>“Café” costs €450 – per term</p>'),
      'text/html; charset=windows-1252',
    );
    expect(decoded.text).toBe('<p>“Café” costs €450 – per term</p>');
    expect(decoded.from).toBe('header');
  });

  it('uses <meta charset> or http-equiv when the header says nothing', () => {
    const meta = decodeHtml(windows1252('<meta charset="windows-1252"><p>€450</p>'), 'text/html');
    expect(meta.text).toContain('€450');
    const httpEquiv = decodeHtml(
      Buffer.from(
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>Gebühr</p>',
        'latin1',
      ),
      null,
    );
    expect(httpEquiv.text).toContain('Gebühr');
    expect(httpEquiv.from).toBe('meta');
  });

  it('finds a <meta charset> after a long head, as a saved page has, and reads CRLF lines', () => {
    const head = `<!doctype html>\r\n<html><head>\r\n<!-- ${'saved by a browser '.repeat(80)} -->\r\n`;
    const page = windows1252(`${head}<meta charset="windows-1252">\r\n</head><body><p>€450 – “Café”</p>\r\n</body></html>`); // prettier-ignore
    const decoded = decodeHtml(page);
    expect(decoded).toMatchObject({ charset: 'windows-1252', from: 'meta' });
    expect(decoded.warning).toBeUndefined();
    expect(decoded.text).toContain('<p>€450 – “Café”</p>\r\n');
  });

  it('lets a UTF-8 byte-order mark win and strips it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>Ångström €</p>')]);
    const decoded = decodeHtml(bytes, 'text/html; charset=iso-8859-1');
    expect(decoded.text).toBe('<p>Ångström €</p>');
    expect(decoded.from).toBe('bom');
  });

  it('reads undeclared non-UTF-8 bytes as windows-1252 and says so', () => {
    const decoded = decodeHtml(windows1252('<p>€450</p>'));
    expect(decoded.text).toBe('<p>€450</p>');
    expect(decoded.warning).toMatch(/windows-1252/);
  });

  it('falls back to UTF-8 for an unknown charset label, with a warning', () => {
    const decoded = decodeHtml(Buffer.from('<p>é</p>'), 'text/html; charset=x-made-up');
    expect(decoded.text).toBe('<p>é</p>');
    expect(decoded.warning).toMatch(/unknown charset "x-made-up"/);
  });
});
