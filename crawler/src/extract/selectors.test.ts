import type { SelectorMap } from '@shortlist/schemas';
import { describe, expect, it } from 'vitest';
import { extractPage } from './index.ts';

const LISTING = `<!doctype html><html><head><title>Short courses</title></head><body>
  <h1>Professional short courses</h1>
  <div class="card" data-code="ACC-101">
    <h3 class="card__title"><a href="/courses/payroll">Payroll Essentials</a></h3>
    <p class="card__blurb">Run a compliant monthly payroll.</p>
    <span class="tag">Finance</span><span class="tag">Payroll</span>
    <ul class="meta"><li>Duration: 4 weeks</li><li>Fee: £395</li></ul>
    <a class="cta" href="../enrol?course=payroll">Enrol now</a>
  </div>
  <div class="card">
    <h3 class="card__title"><a href="https://cpd.example/courses/excel">Excel for Analysts</a></h3>
    <p class="card__blurb">Pivot tables, lookups and charts.</p>
    <span class="tag">Data</span>
    <ul class="meta"><li>Duration: 3 weeks</li><li>Fee: £250</li></ul>
    <a class="cta" href="/enrol?course=excel">Enrol now</a>
  </div>
  <div class="card"><p class="card__blurb">Advertisement</p></div>
</body></html>`;

const LISTING_MAP: SelectorMap = {
  item: '.card',
  title: '.card__title',
  summary: '.card__blurb',
  subjects: '.tag',
  enrolmentUrl: 'a.cta@href',
  credential: '.card@data-code',
};

describe('selector map', () => {
  it('reads one record per item container, with attributes, lists and relative links resolved', () => {
    const { records } = extractPage(LISTING, 'https://cpd.example/catalogue/finance', {
      selectors: LISTING_MAP,
    });

    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      title: 'Payroll Essentials',
      url: 'https://cpd.example/courses/payroll',
      summary: 'Run a compliant monthly payroll.',
      subjects: ['Finance', 'Payroll'],
      enrolmentUrl: 'https://cpd.example/enrol?course=payroll',
      // labelled text inside the card fills what the map does not cover
      duration: '4 weeks',
      cost: '£395',
    });
    expect(records[1]).toMatchObject({
      title: 'Excel for Analysts',
      url: 'https://cpd.example/courses/excel',
      subjects: ['Data'],
      enrolmentUrl: 'https://cpd.example/enrol?course=excel',
      cost: '£250',
    });
    expect(records[0]!.provenance).toMatchObject({
      title: 'selector',
      enrolmentUrl: 'selector',
      cost: 'text',
    });
  });

  it('reads an attribute of the container itself only through a selector inside it', () => {
    const { records } = extractPage(LISTING, 'https://cpd.example/catalogue/finance', {
      selectors: LISTING_MAP,
    });
    // `.card@data-code` looks for a .card inside each card: there is none, so no credential is invented
    expect(records[0]!.credential).toBeUndefined();
  });

  it('reads one record per page without an item selector, and fills what structured data left empty', () => {
    const html = `<html><head><script type="application/ld+json">
      {"@context":"https://schema.org","@type":"Course","name":"Leadership in Practice","offers":{"@type":"Offer","price":"1800","priceCurrency":"AUD"}}
    </script></head><body>
      <h1 class="course-title">Leadership in Practice</h1>
      <div class="outcomes"><ul><li>Lead a team through change</li><li>Give useful feedback</li></ul></div>
      <p class="duration">10 weeks</p>
      <p class="price">A$2,000</p>
    </body></html>`;
    const selectors: SelectorMap = {
      title: 'h1.course-title',
      learningOutcomes: '.outcomes li',
      duration: '.duration',
      cost: '.price',
    };
    const { records, warnings } = extractPage(html, 'https://lead.example/course', { selectors });

    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      title: 'Leadership in Practice',
      cost: '1800',
      currency: 'AUD',
      duration: '10 weeks',
      learningOutcomes: ['Lead a team through change', 'Give useful feedback'],
    });
    expect(records[0]!.provenance).toMatchObject({
      title: 'jsonld',
      cost: 'jsonld',
      duration: 'selector',
      learningOutcomes: 'selector',
    });
    expect(warnings).toEqual([]);
  });

  it('matches listing containers to structured records by URL and fills their gaps', () => {
    const html = `<html><head><script type="application/ld+json">[
      {"@context":"https://schema.org","@type":"Course","name":"Payroll Essentials","url":"https://cpd.example/courses/payroll"},
      {"@context":"https://schema.org","@type":"Course","name":"Excel for Analysts","url":"https://cpd.example/courses/excel"}
    ]</script></head><body>${LISTING.replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '')}</body></html>`;
    const { records } = extractPage(html, 'https://cpd.example/catalogue/finance', {
      selectors: LISTING_MAP,
    });

    expect(records.map((record) => [record.title, record.cost, record.provenance?.title])).toEqual([
      ['Payroll Essentials', '£395', 'jsonld'],
      ['Excel for Analysts', '£250', 'jsonld'],
    ]);
  });

  it('warns about an invalid CSS selector and an item selector that matches nothing', () => {
    const selectors: SelectorMap = { item: '.no-such-card', title: 'h2[' };
    const invalid = extractPage('<h1>Hi</h1>', 'https://x.example/', {
      selectors: { title: 'h2[' },
    }).warnings;
    const missing = extractPage('<h1>Hi</h1>', 'https://x.example/', { selectors }).warnings;

    expect(invalid[0]).toMatch(
      /^selector map: "h2\[" is not a valid CSS selector \(.+\); fix it in the source config$/,
    );
    expect(missing[0]).toBe('selector map: item selector ".no-such-card" matched nothing on this page');
  });

  it('keeps apart courses whose titles link to anchors on the listing, and drops the labels elements carry', () => {
    const card = (id: string, title: string, weeks: number) => `
      <article class="course" id="${id}">
        <h2 class="course-title"><a href="#${id}">${title}</a></h2>
        <ul class="meta">
          <li class="duration"><strong>Duration:</strong> ${weeks} weeks</li>
          <li class="language"><strong>Language:</strong> French, German</li>
          <li class="start"><strong>Start:</strong> <time datetime="2027-03-01">1 March 2027</time></li>
        </ul>
        <p class="prerequisites">Admission: English at level B2</p>
      </article>`;
    const html = `<main><h1>Green transition</h1>${card('hydrogen', 'Hydrogen Technologies', 6)}${card('viticulture', 'Sustainable Viticulture', 8)}</main>`;
    const selectors: SelectorMap = {
      item: 'article.course',
      title: 'h2.course-title',
      duration: 'li.duration',
      languages: 'li.language',
      prerequisites: 'p.prerequisites',
      startDates: 'li.start time@datetime',
    };
    const { records } = extractPage(html, 'https://alliance.example/offer/green.html', { selectors });

    expect(records).toEqual([
      expect.objectContaining({
        title: 'Hydrogen Technologies',
        url: 'https://alliance.example/offer/green.html#hydrogen',
        duration: '6 weeks',
        languages: ['French', 'German'],
        prerequisites: 'English at level B2',
        startDates: ['2027-03-01'],
      }),
      expect.objectContaining({
        title: 'Sustainable Viticulture',
        url: 'https://alliance.example/offer/green.html#viticulture',
        duration: '8 weeks',
      }),
    ]);
  });
});
