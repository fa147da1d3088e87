import { describe, expect, it } from 'vitest';
import { extractPage } from './index.ts';
import { fixturePage } from './test-pages.ts';

describe('labelled text', () => {
  it('reads a plain course page: table rows, a definition list, bold labels and "Label – value" lines', () => {
    const { records, warnings } = extractPage(
      fixturePage('plain-course-page.html'),
      'https://lakeside.example/ce/pm-essentials',
    );

    expect(warnings).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      title: 'Project Management Essentials',
      summary: 'Plan, run and close projects with confidence. A short course for new project leads.',
      url: 'https://lakeside.example/ce/pm-essentials',
      duration: '8 weeks',
      cost: '$1,125 (includes materials)',
      workload: '3–5 hours per week',
      startDates: ['2026-03-03', '2026-06-01'],
      mode: 'Online, instructor-led',
      level: 'Intermediate',
      credit: '3 CEUs',
      credential: 'Certificate of Completion',
    });
    expect(Object.values(records[0]!.provenance!).every((extractor) => extractor === 'text')).toBe(true);
  });

  it('reads the label spellings providers use', () => {
    const html = `<h1>Copywriting Bootcamp</h1>
      <p>Length – 4 months<br>Price: €1.200<br>Effort: 6 hrs/week<br>Mode: Blended</p>
      <div class="facts"><div class="label">Estimated effort</div><div class="value">ignored, Effort came first</div></div>`;
    const [record] = extractPage(html, 'https://words.example/bootcamp').records;

    expect(record).toMatchObject({
      title: 'Copywriting Bootcamp',
      duration: '4 months',
      cost: '€1.200',
      workload: '6 hrs/week',
      mode: 'Blended',
    });
  });

  it('takes a label and its value from separate elements', () => {
    const html = `<h1>UX Research Methods</h1>
      <div class="key-info"><div><span class="k">Time commitment</span><span class="v">4 hours a week</span></div>
      <div><h4>Starts</h4><p>12th January 2027</p></div></div>`;
    const [record] = extractPage(html, 'https://ux.example/research').records;

    expect(record).toMatchObject({ workload: '4 hours a week', startDates: ['2027-01-12'] });
  });

  it('finds no course on a page with a heading but no course facts', () => {
    const html = `<html><head><meta property="og:title" content="About us"></head>
      <body><h1>About us</h1><p>We have trained nurses since 1952.</p><p>Opening hours: 9–5</p></body></html>`;
    const { records, warnings } = extractPage(html, 'https://nursing.example/about');

    expect(records).toEqual([]);
    expect(warnings[0]).toMatch(/^no course found/);
  });

  it('returns entity-encoded markup as the literal text a visitor reads, never as HTML', () => {
    const html = `<html><head><title>x</title></head><body>
      <h1>Stop &lt;script&gt; injection: secure coding</h1>
      <ul><li><strong>Duration:</strong> <em>2</em> days</li>
      <li><strong>Prerequisites:</strong> know what &lt;b&gt;bold&lt;/b&gt; does &amp; why</li></ul>
      <div class="about"><p>First <em>paragraph</em>.</p><p>Second<br>line.</p><script>var tracker = 1;</script></div>
    </body></html>`;
    const selectors = { title: 'h1', description: '.about' };
    const [record] = extractPage(html, 'https://sec.example/secure-coding', { selectors }).records;

    expect(record).toMatchObject({
      title: 'Stop <script> injection: secure coding',
      duration: '2 days',
      prerequisites: 'know what <b>bold</b> does & why',
      description: 'First paragraph. Second line.',
    });
  });

  it('adds further intakes to the dates, takes the language from <html lang>, and does not take "Online" for a city', () => {
    const html = `<html lang="en-IE"><body>
      <div itemscope itemtype="https://schema.org/Course"><h1 itemprop="name">Barista Skills</h1>
        <div itemprop="hasCourseInstance" itemscope itemtype="https://schema.org/CourseInstance">
          <time itemprop="startDate" datetime="2027-04-12">12 April 2027</time></div></div>
      <p>Further intakes: 4 October 2027</p>
      <p>Location: Online</p>
    </body></html>`;
    const [record] = extractPage(html, 'https://fernhill.example/courses/barista').records;

    expect(record).toMatchObject({ startDates: ['2027-04-12', '2027-10-04'], languages: ['en-IE'] });
    expect(record!.city).toBeUndefined();
    expect(record!.provenance).toMatchObject({ startDates: 'microdata', languages: 'text' });
  });
});
