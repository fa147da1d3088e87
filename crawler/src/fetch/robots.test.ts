import { describe, expect, it } from 'vitest';
import { parseRobots } from './robots.ts';

const allowed = (robots: string, path: string, token = 'ShortlistBot') =>
  parseRobots(robots, token).isAllowed(new URL(path, 'https://provider.example'));

describe('robots.txt (RFC 9309)', () => {
  it('obeys the group naming our product token and ignores the * group then', () => {
    const robots = `User-agent: *\nDisallow: /\n\nUser-agent: shortlistbot/2.0\nDisallow: /private/\n`;
    expect(allowed(robots, '/courses/a.html')).toBe(true);
    expect(allowed(robots, '/private/x')).toBe(false);
    expect(allowed(robots, '/courses/a.html', 'OtherBot')).toBe(false);
  });

  it('combines every group that names us, including agents listed together', () => {
    const robots = `User-agent: a\nUser-agent: ShortlistBot\nDisallow: /one\n\nUser-agent: ShortlistBot\nDisallow: /two\n`;
    expect(allowed(robots, '/one')).toBe(false);
    expect(allowed(robots, '/two')).toBe(false);
    expect(allowed(robots, '/three')).toBe(true);
  });

  it('lets the longest matching rule win, and Allow win a tie', () => {
    const robots = `User-agent: *\nDisallow: /courses/\nAllow: /courses/open/\nAllow: /page\nDisallow: /page\n`;
    expect(allowed(robots, '/courses/closed.html')).toBe(false);
    expect(allowed(robots, '/courses/open/a.html')).toBe(true);
    expect(allowed(robots, '/page')).toBe(true);
  });

  it('supports * wildcards and the $ end anchor, on path and query', () => {
    const robots = `User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?sessionid=\nDisallow: /calendar*/20\n`;
    expect(allowed(robots, '/brochure.pdf')).toBe(false);
    expect(allowed(robots, '/brochure.pdf?x=1')).toBe(true);
    expect(allowed(robots, '/course?sessionid=abc')).toBe(false);
    expect(allowed(robots, '/calendar/month/2031')).toBe(false);
    expect(allowed(robots, '/calendar')).toBe(true);
  });

  it('compares percent-encoding in one form and matches UTF-8 paths', () => {
    const robots = `User-agent: *\nDisallow: /%7Estaff/\nDisallow: /kurse/übersicht\n`;
    expect(allowed(robots, '/~staff/page')).toBe(false);
    expect(allowed(robots, '/kurse/%C3%BCbersicht')).toBe(false);
    expect(allowed(robots, '/kurse/andere')).toBe(true);
  });

  it('treats an empty Disallow as allow-all, always allows /robots.txt, and tolerates comments, CRLF and a BOM', () => {
    expect(allowed('\uFEFFUser-agent: * # everyone\r\nDisallow:\r\n', '/anything')).toBe(true);
    expect(allowed('User-agent: *\nDisallow: /\n', '/robots.txt')).toBe(true);
    expect(allowed('Disallow: /\n', '/x')).toBe(true);
  });

  it('reads Crawl-delay for our group and Sitemap lines anywhere', () => {
    const robots = parseRobots(
      `Sitemap: https://provider.example/sitemap.xml\nUser-agent: *\nCrawl-delay: 2.5\nDisallow: /admin/\n`,
      'ShortlistBot',
    );
    expect(robots.crawlDelayMs).toBe(2500);
    expect(robots.sitemaps).toEqual(['https://provider.example/sitemap.xml']);
  });
});
