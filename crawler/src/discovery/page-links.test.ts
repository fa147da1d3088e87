import { describe, expect, it } from 'vitest';
import { extractPage } from '../extract/index.ts';
import { indexPage, parseHtml } from '../extract/page-elements.ts';
import { metaRefreshTarget } from './page-links.ts';

const refreshing = (content: string, httpEquiv = 'refresh') =>
  metaRefreshTarget(
    indexPage(parseHtml(`<html><head><meta http-equiv="${httpEquiv}" content="${content}"></head></html>`)),
  );

describe('a meta refresh', () => {
  it('moves the page when it sends visitors on within a few seconds, however the URL is written', () => {
    expect(refreshing('0; url=/courses/new.html')).toBe('/courses/new.html');
    expect(refreshing("0;URL='https://college.example/new'")).toBe('https://college.example/new');
    expect(refreshing('3, url = new.html ')).toBe('new.html');
    expect(refreshing('0;url=/x', 'Refresh')).toBe('/x');
  });

  it('is a reload, not a move, when it waits long or names no URL', () => {
    expect(refreshing('30; url=/courses/new.html')).toBeUndefined();
    expect(refreshing('0')).toBeUndefined();
    expect(refreshing('0; url=/x', 'content-type')).toBeUndefined();
  });

  it('is named when a moved page is read on its own, as `shortlist extract` does', () => {
    const html =
      '<html><head><meta http-equiv="refresh" content="0; url=/new.html"></head><body>Moved</body></html>';
    expect(extractPage(html, 'https://college.example/old.html').warnings).toContain(
      'the page sends visitors to /new.html at once (meta refresh): the crawler reads that page instead and stores no course from this one',
    );
  });
});
