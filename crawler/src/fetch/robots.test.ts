import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseRobots } from './robots.ts';

const run = promisify(execFile);

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

/** A regular-expression reading of one rule, fine for the short paths of the comparison below. */
function referenceMatch(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`).test(path);
}

describe('robots.txt matching in linear time', () => {
  it('agrees with a regular-expression reading of * and $ on thousands of random rules and paths', () => {
    let seed = 14;
    const random = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const text = (alphabet: string, max: number) =>
      Array.from({ length: random(max) }, () => alphabet[random(alphabet.length)]).join('');
    for (let round = 0; round < 5000; round++) {
      const pattern = `/${text('ab*/$', 8)}${random(3) === 0 ? '$' : ''}`;
      const path = `/${text('ab/$', 10)}`;
      const robots = `User-agent: *\nDisallow: ${pattern}\n`;
      expect(allowed(robots, path), `${pattern} on ${path}`).toBe(!referenceMatch(pattern, path));
    }
  });

  it('stays fast on a rule built to make a backtracking matcher explode', async () => {
    // a RegExp took 3.9 s for a 32-character path here, ×13 for every 4 more: these paths would never finish.
    // The check runs in a child process so that a regression fails the test instead of freezing it.
    const script = `import { parseRobots } from ${JSON.stringify(fileURLToPath(new URL('./robots.ts', import.meta.url)))};
const rules = parseRobots('User-agent: *\\nDisallow: /*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b\\n', 'ShortlistBot');
const verdicts = [200, 2_000, 20_000].map((length) =>
  rules.isAllowed(new URL('/' + 'a'.repeat(length), 'https://provider.example')),
);
verdicts.push(rules.isAllowed(new URL('/' + 'a'.repeat(20_000) + 'b', 'https://provider.example')));
console.log(JSON.stringify(verdicts));`;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      timeout: 20_000,
    });
    expect(JSON.parse(stdout)).toEqual([true, true, true, false]);
  });

  it('cuts a rule longer than any URL at 16,664 octets, as Google does', () => {
    const long = `/${'x'.repeat(20_000)}`;
    expect(allowed(`User-agent: *\nDisallow: ${long}\n`, `/${'x'.repeat(16_663)}`)).toBe(false);
    expect(allowed(`User-agent: *\nDisallow: ${long}\n`, `/${'x'.repeat(16_662)}`)).toBe(true);
  });
});
