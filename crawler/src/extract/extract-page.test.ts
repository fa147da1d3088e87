import { describe, expect, it } from 'vitest';
import { extractPage } from './index.ts';
import { indexPage, parseHtml } from './page-elements.ts';
import { fixturePage, pageWithJsonLd } from './test-pages.ts';

const course = (extra: object) => ({
  '@context': 'https://schema.org',
  '@type': 'Course',
  name: 'Garden Design',
  ...extra,
});

describe('extractPage', () => {
  it('prefers a visible price when the structured price is not a number, and says so', () => {
    const html = pageWithJsonLd(
      [course({ offers: { '@type': 'Offer', price: 'TBC', priceCurrency: 'GBP' } })],
      '<h1>Garden Design</h1><ul><li><strong>Fee:</strong> £450</li></ul>',
    );
    const { records, warnings } = extractPage(html, 'https://gardens.example/design');

    expect(records[0]).toMatchObject({ cost: '£450', provenance: { cost: 'text' } });
    expect(records[0]!.currency).toBeUndefined();
    expect(warnings).toEqual([
      'cost: structured value "TBC" is not a number; used visible text "£450" (text); dropped structured currency "GBP" because the visible price names its own',
    ]);
  });

  it('prefers a visible duration from the selector map over a structured one with no number', () => {
    const html = pageWithJsonLd(
      [course({ timeRequired: 'Flexible', offers: { price: 'See website' } })],
      '<p class="len">6 weeks</p><p>Price: 300 EUR</p>',
    );
    const { records, warnings } = extractPage(html, 'https://gardens.example/design', {
      selectors: { title: 'h1', duration: '.len' },
    });

    expect(records[0]).toMatchObject({
      duration: '6 weeks',
      cost: '300 EUR',
      provenance: { duration: 'selector', cost: 'text' },
    });
    expect(warnings).toEqual([
      'duration: structured value "Flexible" is not a number; used visible text "6 weeks" (selector)',
      'cost: structured value "See website" is not a number; used visible text "300 EUR" (text)',
    ]);
  });

  it('keeps a structured price that is a number even when the visible text says something else', () => {
    const html = pageWithJsonLd(
      [course({ offers: { price: 1250, priceCurrency: 'USD' } })],
      '<p>Cost: $1,300 after March</p>',
    );
    const { records, warnings } = extractPage(html, 'https://gardens.example/design');

    expect(records[0]).toMatchObject({ cost: '1250', currency: 'USD', provenance: { cost: 'jsonld' } });
    expect(warnings).toEqual([]);
  });

  it('resolves the canonical link against the page and uses it as the URL of a course without its own', () => {
    const html = `<html><head><link rel="canonical" href="/courses/garden-design?ref=nav#top">
      <script type="application/ld+json">${JSON.stringify(course({}))}</script></head><body></body></html>`;
    const { canonicalUrl, records } = extractPage(
      html,
      'https://gardens.example/courses/garden-design?utm_source=mail',
    );

    expect(canonicalUrl).toBe('https://gardens.example/courses/garden-design?ref=nav');
    expect(records[0]!.url).toBe('https://gardens.example/courses/garden-design?ref=nav');
  });

  it('ignores a canonical link on another origin, with a warning, and falls back to the page URL', () => {
    const html = `<html><head><link rel="canonical" href="https://aggregator.example/garden-design">
      <script type="application/ld+json">${JSON.stringify(course({}))}</script></head><body></body></html>`;
    const { canonicalUrl, records, warnings } = extractPage(html, 'https://gardens.example/design');

    expect(canonicalUrl).toBeNull();
    expect(records[0]!.url).toBe('https://gardens.example/design');
    expect(warnings).toEqual([
      'canonical link "https://aggregator.example/garden-design" is on another origin than the page https://gardens.example/design; ignored it',
    ]);
  });

  it('has no canonical URL when the page gives none', () => {
    expect(
      extractPage(pageWithJsonLd([course({})]), 'https://gardens.example/design').canonicalUrl,
    ).toBeNull();
  });

  it('resolves relative URLs against <base href>', () => {
    const html = `<html><head><base href="https://cdn.gardens.example/site/"></head><body>
      <div itemscope itemtype="https://schema.org/Course"><a itemprop="url" href="design"><span itemprop="name">Garden Design</span></a></div></body></html>`;
    expect(extractPage(html, 'https://gardens.example/').records[0]!.url).toBe(
      'https://cdn.gardens.example/site/design',
    );
  });

  it('fills the title and summary from og:title and the meta description when the markup has no name', () => {
    const html = `<html><head><meta property="og:title" content="Hedge Laying Weekend"><meta name="description" content="Learn the Midland style.">
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"Course","hasCourseInstance":{"@type":"CourseInstance","courseMode":"onsite"}}</script>
      </head><body><h1>Weekend courses</h1></body></html>`;
    const { records, warnings } = extractPage(html, 'https://hedges.example/weekend');

    expect(records[0]).toMatchObject({
      title: 'Hedge Laying Weekend',
      summary: 'Learn the Midland style.',
      mode: 'onsite',
      provenance: { title: 'text', summary: 'text', mode: 'jsonld' },
    });
    expect(warnings).toEqual([]);
  });

  it('warns when a course has no name from any extractor', () => {
    const html =
      '<html><body><script type="application/ld+json">{"@type":"Course","description":"Untitled"}</script></body></html>';
    const { records, warnings } = extractPage(html, 'https://x.example/c');

    expect(records).toHaveLength(1);
    expect(warnings).toEqual([
      'a course found by jsonld at https://x.example/c has no name; give it "name" in the markup or a title selector',
    ]);
  });

  it('reads a page already parsed and indexed by the crawler the same as one given as text', () => {
    for (const name of [
      'university-course-jsonld.html',
      'college-listing-microdata.html',
      'plain-course-page.html',
    ]) {
      const html = fixturePage(name);
      const parsed = indexPage(parseHtml(html));
      expect(extractPage(parsed, 'https://site.example/page')).toEqual(
        extractPage(html, 'https://site.example/page'),
      );
    }
  });

  it('survives a page nested twenty thousand elements deep', () => {
    const deep = `${'<div>'.repeat(20_000)}<span property="name">Deep</span><p>Duration: 3 weeks</p>${'</div>'.repeat(20_000)}`;
    const html = `<html><body vocab="https://schema.org/" typeof="Course">${deep}</body></html>`;

    expect(extractPage(html, 'https://deep.example/').records[0]).toMatchObject({
      title: 'Deep',
      duration: '3 weeks',
    });
  });
});
