import { describe, expect, it } from 'vitest';
import { cpuTimeMs } from '@shortlist/schemas/testing';
import { extractPage } from '../extract/index.ts';
import { indexPage, parseHtml } from '../extract/page-elements.ts';
import { movedTo } from './page-links.ts';

const PAGE = 'https://college.example/courses/old.html';
const refreshing = (content: string, httpEquiv = 'refresh') =>
  movedTo(
    indexPage(parseHtml(`<html><head><meta http-equiv="${httpEquiv}" content="${content}"></head></html>`)),
    PAGE,
    PAGE,
  );

describe('a meta refresh', () => {
  it('moves the page when it sends visitors on within a few seconds, however the URL is written', () => {
    expect(refreshing('0; url=/courses/new.html')).toBe('https://college.example/courses/new.html');
    expect(refreshing("0;URL='https://other.example/new'")).toBe('https://other.example/new');
    expect(refreshing('3, url = new.html ')).toBe('https://college.example/courses/new.html');
    expect(refreshing('0;url=/x', 'Refresh')).toBe('https://college.example/x');
    expect(refreshing("0; url=/children's-courses.html")).toBe(
      "https://college.example/children's-courses.html",
    );
  });

  it('is not a move when it waits long, names no URL, a non-HTTP one or the page itself', () => {
    expect(refreshing('30; url=/courses/new.html')).toBeUndefined();
    expect(refreshing('0')).toBeUndefined();
    expect(refreshing('0; url=old.html#top')).toBeUndefined();
    expect(refreshing('0; url=old.html?utm_source=refresh&sessionid=42')).toBeUndefined();
    expect(refreshing('0; url=javascript:void(0)')).toBeUndefined();
    expect(refreshing('0; url=/x', 'content-type')).toBeUndefined();
  });

  it('takes no time on a padded attribute', () => {
    const padded = `0${' '.repeat(200_000)}x${' '.repeat(200_000)};`;
    const spent = cpuTimeMs(() =>
      expect(refreshing(padded)).toMatch(/^https:\/\/college\.example\/courses\/x%20/),
    );
    expect(spent).toBeLessThan(1000);
  });

  it('is named when a moved page is read on its own, as `shortlist extract` does', () => {
    const html =
      '<html><head><meta http-equiv="refresh" content="0; url=/new.html"></head><body>Moved</body></html>';
    expect(extractPage(html, PAGE).warnings).toContain(
      'the page sends visitors to https://college.example/new.html at once (meta refresh): the crawler reads that page instead and stores no course from this one',
    );
  });
});
