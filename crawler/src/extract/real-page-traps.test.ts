import { Source, type Course } from '@shortlist/schemas';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../fetch/charset.ts';
import { coursesFromPage } from './page-courses.ts';
import { extractPage } from './index.ts';
import { fixturePage } from './test-pages.ts';

const source = (country = 'US') =>
  Source.parse({
    id: 'northfield',
    name: 'Northfield',
    providerType: 'university',
    country,
    url: 'https://northfield.example/',
    startUrls: ['https://northfield.example/'],
  });

function courses(html: string, url = 'https://northfield.example/programs/scm/', country = 'US'): Course[] {
  return coursesFromPage(html, url, source(country), '2027-01-04T10:00:00.000Z').courses;
}

describe('a programme page from a big CMS', () => {
  const [course] = courses(fixturePage('online-programme-page.html'));

  it('names the course by its heading, not the site', () => {
    expect(course!.title).toBe('Certificate in Supply Chain Analytics');
    expect(course!.evidence!.title).toMatchObject({ text: '<h1>: Certificate in Supply Chain Analytics' });
  });

  it("takes the price labelled as the total cost, not a salary, a scholarship, an extension, another programme's tuition or an empty cart", () => {
    expect(course!.cost).toMatchObject({ amount: 7150, currency: 'USD', basis: 'total', freeClass: 'paid' });
    expect(course!.evidence!.cost).toMatchObject({
      text: 'Total cost: $7,150 | No additional fees',
      reason: "labelled as this course's total cost",
    });
    const seen = (course!.evidence!.cost!.others ?? []).map((other) => other.value).join(' ');
    for (const trap of ['78,000', '1,500', '$99', '29,900', '0.00']) expect(seen).not.toContain(trap);
  });

  it('keeps the length as stated ("8 Months") beside the weeks, and the mode from "100% online"', () => {
    expect(course!.duration).toMatchObject({
      minWeeks: 34.7,
      stated: { value: 8, max: null, unit: 'month' },
    });
    expect(course!.delivery).toMatchObject({ mode: 'online', pacing: null });
    expect(course!.evidence!.mode!.text).toBe(
      '100% online, no set class times. Start on the first of any month.',
    );
  });

  it('reads the workload from a phrase and never takes a template placeholder for a date', () => {
    expect(course!.workload.hoursPerWeek).toEqual({ min: 15, max: 15 });
    expect(course!.startDates).toEqual([]);
    expect(JSON.stringify(course)).not.toContain('{{startdate}}');
  });

  it("leaves other programmes' cards out: their lengths and prices are theirs", () => {
    const others = JSON.stringify(course!.evidence);
    expect(others).not.toContain('5,400');
    expect(others).not.toContain('Logistics');
  });

  it('takes the per-term tuition kept in a data attribute only as a candidate, not over the visible total', () => {
    const candidates = course!.evidence!.cost!.others ?? [];
    expect(candidates).toContainEqual(
      expect.objectContaining({ value: '$3,575 per 6-month term', extractor: 'embedded', agrees: false }),
    );
    // the credits were nowhere in the visible text: the markup in the data attribute fills them
    expect(course!.credit).toMatchObject({ value: 18 });
    expect(course!.provenance.credit).toBe('embedded');
  });

  it('says how sure it is of each fact and where it read it', () => {
    for (const field of Object.keys(course!.provenance)) {
      expect(course!.evidence![field], field).toBeDefined();
      expect(course!.evidence![field]!.text.length, field).toBeLessThanOrEqual(201);
    }
    // a labelled total, read once though the fact box shows it twice
    expect(course!.evidence!.cost!.confidence).toBe('medium');
    // "Time to complete: 8 Months" and "finish within 8 months" agree
    expect(course!.evidence!.duration!.confidence).toBe('high');
    // a phrase alone
    expect(course!.evidence!.workload!.confidence).toBe('low');
  });
});

describe('prices with their basis', () => {
  const priced = (fact: string) =>
    courses(`<html><body><h1>Forklift Safety</h1><p>Duration: 2 days</p><p>${fact}</p></body></html>`)[0]!
      .cost;

  it('keeps a "from" price as the lowest and a per-credit price with its basis', () => {
    expect(priced('Fee: From £450')).toMatchObject({ amount: 450, currency: 'GBP', lowestOfRange: true });
    expect(priced('Tuition: $350 per credit hour')).toMatchObject({ amount: 350, basis: 'per-credit' });
    expect(priced('Tuition: $3,575 per 6-month term')).toMatchObject({ amount: 3575, basis: 'per-term' });
  });

  it('reads "Paid Course" as paid with no amount, and "Free Online Course (Audit)" as free to take', () => {
    expect(priced('Paid Course')).toMatchObject({ amount: null, freeClass: 'paid' });
    expect(priced('Free Online Course (Audit)')).toMatchObject({
      amount: 0,
      freeClass: 'free-audit-paid-certificate',
    });
  });

  it('reads no price from a rating, a review count or a salary alone', () => {
    expect(priced('Rating: 5.00 (1421 reviews)')).toMatchObject({ amount: null, freeClass: 'unknown' });
    expect(priced('Graduates earn $65,000 a year.')).toMatchObject({ amount: null });
  });
});

describe('the page heading and the site name', () => {
  it('strips "| Site" from the title and does not take a site-name heading for the course', () => {
    const html = `<html><head><title>Welding Basics | Harbour College</title>
      <meta property="og:site_name" content="Harbour College"></head>
      <body><h1 class="logo">Harbour College</h1><p>Duration: 3 days</p><p>Fee: $450</p></body></html>`;
    const [course] = courses(html, 'https://harbour-college.example/welding');
    expect(course!.title).toBe('Welding Basics');
  });

  it('reads a category heading as a listing: one record per course card, each with its own facts', () => {
    const card = (title: string, slug: string, hours: number, price: number) =>
      `<li class="product"><a href="/cursos/${slug}/"><h2 class="title">${title}</h2></a><div>Duración: ${hours}h</div><div class="rating">4.50</div><div class="price">Precio: S/${price}.00</div></li>`;
    const html = `<html lang="es"><head><title>Diseño - Academia Lima | Educación Online</title></head><body>
      <h1>Cursos de Diseño</h1><p>Mostrando 1–3 de 3 resultados</p>
      <ul class="products">${card('Ilustración digital', 'ilustracion', 6, 250)}${card('Color y composición', 'color', 8, 300)}${card('Tipografía', 'tipo', 4, 180)}</ul>
      </body></html>`;
    const found = courses(html, 'https://academia-lima.example/cursos-diseno/', 'PE');
    expect(found.map((course) => course.title)).toEqual(['Ilustración digital', 'Color y composición', 'Tipografía']); // prettier-ignore
    expect(found[1]).toMatchObject({
      url: 'https://academia-lima.example/cursos/color/',
      cost: { amount: 300, currency: 'PEN' },
      duration: { stated: { value: 8, unit: 'hour' } },
      delivery: { mode: 'online' },
    });
    // the site's tagline gives the mode, and says it is a weak reading
    expect(found[1]!.evidence!.mode).toMatchObject({ confidence: 'low', text: expect.stringContaining('Educación Online') }); // prettier-ignore
  });
});

describe('JSON embedded for scripts', () => {
  it('reads a course from __NEXT_DATA__ and ignores tracking JSON that only names a course', () => {
    const data = { props: { pageProps: { course: { title: 'Cloud Fundamentals', price: { amount: 1200, currency: 'EUR' }, durationWeeks: 6, deliveryMode: 'Online' } } } }; // prettier-ignore
    const html = `<html><body><div id="__next"></div>
      <a data-track='{"event":"click","course":"Something Else"}' href="/x">x</a>
      <script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data)}</script></body></html>`;
    const { records } = extractPage(html, 'https://cloud.example/courses/fundamentals');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      title: 'Cloud Fundamentals',
      cost: '1200 EUR',
      duration: '6 weeks',
      mode: 'Online',
      provenance: { title: 'embedded', cost: 'embedded' },
    });
    expect(records[0]!.evidence!.cost!.text).toContain('"price"');
  });

  it('reads inline state objects and data attributes holding JSON', () => {
    const state = { course: { name: 'Barista Skills', fee: '£95', duration: '1 day', format: 'In person' } };
    const html = `<html><body><h1>Barista Skills</h1>
      <script>window.__INITIAL_STATE__ = ${JSON.stringify(state)};</script></body></html>`;
    expect(extractPage(html, 'https://coffee.example/barista').records[0]).toMatchObject({
      cost: '£95',
      mode: 'In person',
      provenance: { cost: 'embedded' },
    });
    const attribute = `<html><body><h1>Pottery</h1><div data-course='{"title":"Pottery","price":"€60","length":"4 weeks"}'></div></body></html>`; // prettier-ignore
    expect(extractPage(attribute, 'https://clay.example/pottery').records[0]).toMatchObject({
      cost: '€60',
      duration: '4 weeks',
    });
  });

  it('counts a fact repeated in a data attribute once, and does not let it override the visible text', () => {
    const html = `<html><body><h1>Tax Basics</h1><p>Duration: 6 weeks</p>
      <div data-content="<p>Duration: 6 weeks</p><p>Duration: 10 weeks</p>"></div></body></html>`;
    const [record] = extractPage(html, 'https://tax.example/basics').records;
    expect(record!.duration).toBe('6 weeks');
    expect(record!.evidence!.duration).toMatchObject({ extractor: 'text', confidence: 'medium' });
  });
});

describe('phrases that state a fact', () => {
  const read = (text: string) =>
    courses(`<html><body><h1>Welding Technology</h1><p>${text}</p></body></html>`)[0]!;

  it('reads lengths written in sentences, keeping the unit the page uses', () => {
    expect(read('A two-semester certificate for new welders.').duration.stated).toEqual({ value: 2, max: null, unit: 'semester' }); // prettier-ignore
    expect(read('Join our 3-day Online Event.').duration.stated).toEqual({
      value: 3,
      max: null,
      unit: 'day',
    });
    expect(read('Most students finish within 10 months.').duration.stated).toEqual({ value: 10, max: null, unit: 'month' }); // prettier-ignore
    expect(read('6-18 hours a week, 12 weeks long').workload.hoursPerWeek).toEqual({ min: 6, max: 18 });
  });

  it('does not read a mode from "apply online" or a subject named "online marketing"', () => {
    expect(read('Apply online by 1 March. Fee: $900').delivery.mode).toBeNull();
    expect(read('Covers online marketing and SEO. Fee: $900').delivery.mode).toBeNull();
    expect(read('The course is taught entirely online. Fee: $900').delivery.mode).toBe('online');
  });
});

describe('evidence where extractors disagree', () => {
  it('keeps the structured value and records the visible one that differs, with lower confidence', () => {
    const jsonLd = { '@context': 'https://schema.org', '@type': 'Course', name: 'Garden Design', timeRequired: 'P6W' }; // prettier-ignore
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(jsonLd)}</script></head>
      <body><h1>Garden Design</h1><p>Duration: 8 weeks</p></body></html>`;
    const [course] = courses(html, 'https://gardens.example/design');
    expect(course!.duration.minWeeks).toBe(6);
    expect(course!.evidence!.duration).toMatchObject({
      extractor: 'jsonld',
      confidence: 'medium',
      reason: 'kept the jsonld value: jsonld comes before text in the cascade',
      others: [{ extractor: 'text', value: '8 weeks', agrees: false }],
    });
    expect(course!.evidence!.title).toMatchObject({ confidence: 'high', others: [expect.objectContaining({ agrees: true })] }); // prettier-ignore
  });
});

describe('a page saved in windows-1252 with CRLF line endings', () => {
  it('comes out without mojibake', () => {
    const cp1252: Record<string, number> = { '€': 0x80, '–': 0x96, ñ: 0xf1, ó: 0xf3 };
    const html = `<html>\r\n<head><title>Diseño de Interiores – Nivel 1 | Escuela Sur</title>\r\n<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>\r\n<body><h1>Diseño de Interiores – Nivel 1</h1>\r\n<p>Duración: 6 semanas</p>\r\n<p>Precio: 1.250 €</p>\r\n</body></html>`; // prettier-ignore
    const bytes = Buffer.from([...html].map((char) => cp1252[char] ?? char.charCodeAt(0)));
    const [course] = coursesFromPage(decodeHtml(bytes).text, 'https://escuela-sur.example/interiores', source('ES'), '2027-01-04T10:00:00.000Z').courses; // prettier-ignore
    expect(course).toMatchObject({
      title: 'Diseño de Interiores – Nivel 1',
      cost: { amount: 1250, currency: 'EUR' },
      duration: { stated: { value: 6, max: null, unit: 'week' } },
    });
  });
});
