import { gunzipSync } from 'node:zlib';
import { FetchError } from '../fetch/fetch-error.ts';

/** The sitemap protocol's own limit for one uncompressed file. */
export const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

export interface SitemapEntries {
  /** page URLs from a `<urlset>` (or a plain-text sitemap) */
  pages: string[];
  /** child sitemaps from a `<sitemapindex>` */
  sitemaps: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(value: string): string {
  return value
    .replace(/^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/, '$1')
    .replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    })
    .trim();
}

/** Reads a sitemap or sitemap index, gzipped (`.xml.gz`) or not. */
export function readSitemap(bytes: Buffer, url: string, maxBytes = MAX_SITEMAP_BYTES): SitemapEntries {
  let xml: Buffer = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      xml = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
          ? `it unpacks to more than ${maxBytes} bytes, the sitemap protocol's limit`
          : `it is not valid gzip (${(error as Error).message})`;
      throw new FetchError('bad-sitemap', url, `sitemap refused: ${reason}`);
    }
  }
  const text = xml.toString('utf8').replace(/^\uFEFF/, '');
  if (!text.trimStart().startsWith('<')) {
    const pages = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => /^https?:\/\//i.test(line));
    return { pages, sitemaps: [] };
  }
  const isIndex = /<(?:\w+:)?sitemapindex[\s>]/i.test(text);
  if (!isIndex && !/<(?:\w+:)?urlset[\s>]/i.test(text))
    throw new FetchError('bad-sitemap', url, 'not a sitemap: no <urlset> or <sitemapindex> element');
  const locations = [...text.matchAll(/<loc>([\s\S]*?)<\/loc>/gi)].map(([, value]) => xmlText(value!));
  return isIndex ? { pages: [], sitemaps: locations } : { pages: locations, sitemaps: [] };
}
