import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSitemap } from './sitemap.ts';

describe('sitemaps', () => {
  it('reads a urlset, decoding entities and CDATA', () => {
    const xml = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://p.example/c?a=1&amp;b=2</loc></url><url><loc><![CDATA[https://p.example/d]]></loc></url></urlset>`;
    expect(readSitemap(Buffer.from(xml), 'https://p.example/sitemap.xml')).toEqual({
      pages: ['https://p.example/c?a=1&b=2', 'https://p.example/d'],
      sitemaps: [],
    });
  });

  it('reads a gzipped sitemap index', () => {
    const xml = `<sitemapindex><sitemap><loc>https://p.example/s1.xml.gz</loc></sitemap></sitemapindex>`;
    expect(readSitemap(gzipSync(xml), 'https://p.example/index.xml.gz').sitemaps).toEqual([
      'https://p.example/s1.xml.gz',
    ]);
  });

  it('refuses a gzip bomb and a file that is not a sitemap, saying why', () => {
    const bomb = gzipSync(Buffer.alloc(3 * 1024 * 1024, 0x20));
    expect(() => readSitemap(bomb, 'https://p.example/s.xml.gz', 1024 * 1024)).toThrow(
      /more than 1048576 bytes/,
    );
    expect(() => readSitemap(Buffer.from('<html></html>'), 'https://p.example/s.xml')).toThrow(
      /not a sitemap/,
    );
  });
});
