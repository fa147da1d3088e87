import { describe, expect, it } from 'vitest';
import { coursesFromPage } from '../page-courses.ts';
import { extractPage } from '../index.ts';
import { indexPage, parseHtml } from '../page-elements.ts';
import { fixturePage, testSource } from '../test-pages.ts';
import { detectPreset, PRESETS } from './index.ts';

const PAGES: readonly [string, string, string][] = [
  ['banner-one-course.html', 'banner', 'https://ssb.example.edu/prod/bwckschd.p_get_crse_unsec'],
  ['banner-section-detail.html', 'banner', 'https://ssb.example.edu/prod/bwckschd.p_disp_detail_sched'],
  [
    'banner9-class-search.html',
    'banner',
    'https://reg.example.edu/StudentRegistrationSsb/ssb/classSearch/classSearch',
  ],
  ['banner-look-up-classes.html', 'banner', 'https://ssb.example.edu/prod/bwskfcls.P_GetCrse'],
  ['acalog-course.html', 'acalog', 'https://catalog.example.edu/preview_course_nopop.php?catoid=1&coid=2'],
  ['courseleaf-listing.html', 'courseleaf', 'https://catalog.example.edu/cis/'],
  ['drupal-course.html', 'drupal', 'https://www.example.org/courses/bookkeeping'],
  ['woocommerce-product.html', 'woocommerce', 'https://shop.example.com/product/first-aid/'],
  ['woocommerce-shop.html', 'woocommerce', 'https://shop.example.com/product-category/first-aid/'],
  ['learndash-course.html', 'learndash', 'https://learn.example.com/courses/safeguarding/'],
  ['tutor-course.html', 'tutor-lms', 'https://learn.example.com/courses/podcast/'],
  ['moodle-enrol.html', 'moodle', 'https://moodle.example.edu/enrol/index.php?id=41'],
  ['open-edx-about.html', 'open-edx', 'https://lms.example.org/courses/course-v1:X+Y+Z/about'],
];

/** Every preset whose rules a page meets, each tried on its own, so order cannot hide a second match. */
function matchingPresets(html: string, url: string): string[] {
  const page = indexPage(parseHtml(html));
  return PRESETS.filter((preset) => detectPreset(page, url, [preset])).map((preset) => preset.name);
}

describe('preset detection', () => {
  it.each(PAGES)('recognises %s as %s, and as no other platform', (file, name, url) => {
    expect(matchingPresets(fixturePage(`presets/${file}`), url)).toEqual([name]);
  });

  it.each(['plain-course-page.html', 'university-course-jsonld.html', 'college-listing-microdata.html'])(
    'recognises no platform on a hand-made course page (%s)',
    (file) => {
      const url = 'https://www.example.ac.uk/courses/data-analysis';
      expect(matchingPresets(fixturePage(file), url)).toEqual([]);
      expect(extractPage(fixturePage(file), url).preset).toBeNull();
    },
  );

  it('recognises no platform on a WordPress blog page that merely mentions courses', () => {
    const html = `<html><head><meta name="generator" content="WordPress 6.5"></head>
      <body class="single single-post"><h1 class="entry-title">Our new courses</h1>
      <div class="entry-content"><p>Duration: 6 weeks</p></div></body></html>`;
    expect(matchingPresets(html, 'https://blog.example.com/news/our-new-courses/')).toEqual([]);
  });
});

describe('a source that names its own selector map', () => {
  it('uses its map, not the preset of the platform, and says no preset matched', () => {
    const html = fixturePage('presets/woocommerce-product.html');
    const url = 'https://coastline.example/product/first-aid-at-work/';
    const selectors = { title: 'h1.product_title', cost: '.summary .price del .woocommerce-Price-amount' };
    expect(extractPage(html, url, { selectors }).preset).toBeNull();
    const course = coursesFromPage(html, url, testSource('AU', selectors), '2026-07-02T09:00:00.000Z')
      .courses[0]!;
    expect(course.cost).toMatchObject({ amount: 189, currency: 'AUD' });
    expect(course.provenance).toMatchObject({ title: 'selector', cost: 'selector' });
    expect(Object.values(course.provenance)).not.toContain('preset:woocommerce');
  });
});

describe('template placeholders in preset fields', () => {
  it('never become values: no start date from {{start_date}}, no price from {{ price }}; prose keeps its words', () => {
    const html = fixturePage('presets/open-edx-about.html')
      .replace(/data-datetime="[^"]*"><\/span>/, '>{{start_date}}</span>')
      .replace(
        '<span class="important-dates-item-text">$49</span>',
        '<span class="important-dates-item-text">{{ price }}</span>',
      )
      .replace('Read climate charts critically', 'Read {{course_org}} climate charts critically');
    const url = 'https://learn.lakeview.example/courses/course-v1:LakeviewX+CDL101+2027_T1/about';
    const { records } = extractPage(html, url);
    expect(records).toHaveLength(1);
    expect(records[0]!.startDates).toBeUndefined();
    expect(records[0]!.cost).toBeUndefined();
    expect(records[0]!.description).toMatch(/^About This Course Read climate charts critically/);
  });
});
