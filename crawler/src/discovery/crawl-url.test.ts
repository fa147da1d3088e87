import { describe, expect, it } from 'vitest';
import { crawlUrl, trapReason } from './crawl-url.ts';

describe('crawl URLs', () => {
  it('strips session ids, tracking parameters and fragments, keeping real parameters in order', () => {
    const target = crawlUrl(
      '/courses/data.html;jsessionid=A1B2?page=2&PHPSESSID=xyz&utm_source=mail&sid=9&lang=en#fees',
      'https://provider.example/',
    );
    expect(target?.url).toBe('https://provider.example/courses/data.html?page=2&lang=en');
    expect(target?.key).toBe('https://provider.example/courses/data.html?lang=en&page=2');
  });

  it('drops parameters a source names, and refuses non-HTTP links', () => {
    expect(crawlUrl('https://p.example/c?ref=home&id=4', undefined, ['ref'])?.url).toBe(
      'https://p.example/c?id=4',
    );
    expect(crawlUrl('mailto:info@p.example')).toBeNull();
    expect(crawlUrl('javascript:void(0)')).toBeNull();
  });

  it('spots calendar traps and link loops, not course pages with years or codes', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    expect(trapReason('https://p.example/events?month=2031-04', now)).toMatch(/2031/);
    expect(trapReason('https://p.example/calendar/2040/01/', now)).toMatch(/2040/);
    expect(trapReason('https://p.example/a/b/a/b/a/b/', now)).toMatch(/repeats/);
    expect(trapReason('https://p.example/courses/2026/data-science.html', now)).toBeNull();
    expect(trapReason('https://p.example/courses/cs2901-intro.html', now)).toBeNull();
  });
});
