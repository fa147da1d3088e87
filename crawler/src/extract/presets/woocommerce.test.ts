import { describe, expect, it } from 'vitest';
import { coursesFromPage } from '../page-courses.ts';
import { fixturePage, presetPageCourses, testSource } from '../test-pages.ts';

describe('WooCommerce preset', () => {
  it('reads a product page at its sale price, not the struck-out one or a related product', () => {
    const { courses } = presetPageCourses(
      'woocommerce-product.html',
      'https://coastline.example/product/first-aid-at-work/',
      testSource('AU'),
    );
    expect(courses).toHaveLength(1);
    expect(courses[0]).toMatchObject({
      title: 'First Aid at Work (HLTAID011)',
      cost: { amount: 159, currency: 'AUD' },
      summary: 'One-day face-to-face course with online pre-learning. Nationally recognised.',
      provenance: { title: 'preset:woocommerce', cost: 'preset:woocommerce' },
    });
  });

  it('reads a shop listing as one course per product card, each at its own page', () => {
    const { courses } = presetPageCourses(
      'woocommerce-shop.html',
      'https://coastline.example/product-category/first-aid/',
      testSource('AU'),
    );
    expect(courses.map((course) => [course.title, course.cost.amount, course.url])).toEqual([
      ['First Aid at Work (HLTAID011)', 159, 'https://coastline.example/product/first-aid-at-work/'],
      ['Provide CPR (HLTAID009)', 79, 'https://coastline.example/product/provide-cpr/'],
    ]);
  });

  it('gives each card of a listing the mode the site says of all its courses, as its own text would', () => {
    const html = fixturePage('presets/woocommerce-shop.html').replace(
      '<title>First Aid &#8211; Coastline Safety Training</title>',
      '<title>First Aid &#8211; Coastline Safety Training | Online First Aid Courses</title><meta property="og:site_name" content="Coastline Safety Training">',
    );
    const url = 'https://coastline.example/product-category/first-aid/';
    const { courses } = coursesFromPage(html, url, testSource('AU'), '2026-07-02T09:00:00.000Z');
    expect(courses.map((course) => [course.title, course.delivery.mode, course.provenance.mode])).toEqual([
      ['First Aid at Work (HLTAID011)', 'online', 'text'],
      ['Provide CPR (HLTAID009)', 'online', 'text'],
    ]);
  });
});
