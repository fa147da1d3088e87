import { describe, expect, it } from 'vitest';
import { extractPage } from './index.ts';

describe('RDFa Lite', () => {
  it('reads vocab / typeof / property with course instances linked by property and by rel', () => {
    const html = `<!doctype html><html><head>
      <meta property="og:title" content="Welding – Harbour Training Centre">
    </head><body vocab="https://schema.org/">
      <article typeof="Course">
        <h1 property="name">MIG Welding Level 1</h1>
        <p property="description">Safe set-up and basic joints on mild steel.</p>
        <a property="url" href="/welding/mig-1">Permalink</a>
        <span property="educationalLevel">Beginner</span>
        <table>
          <tr rel="hasCourseInstance" typeof="CourseInstance">
            <td property="courseMode">full-time</td>
            <td property="startDate" content="2026-05-11">11 May 2026</td>
            <td property="location" typeof="Place"><span property="address" typeof="PostalAddress"><span property="addressLocality">Aberdeen</span></span></td>
          </tr>
          <tr property="hasCourseInstance" typeof="CourseInstance">
            <td><meta property="courseMode" content="part-time">Evenings</td>
            <td property="startDate" content="2026-06-01">1 June 2026</td>
          </tr>
        </table>
        <div property="offers" typeof="Offer">
          <meta property="priceCurrency" content="GBP">£<span property="price">560</span>
        </div>
      </article>
    </body></html>`;
    const { records } = extractPage(html, 'https://harbour.example/welding/');

    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      title: 'MIG Welding Level 1',
      description: 'Safe set-up and basic joints on mild steel.',
      url: 'https://harbour.example/welding/mig-1',
      level: 'Beginner',
      mode: 'full-time, part-time',
      startDates: ['2026-05-11', '2026-06-01'],
      city: 'Aberdeen',
      cost: '560',
      currency: 'GBP',
    });
    expect(records[0]!.provenance).toMatchObject({ title: 'rdfa', mode: 'rdfa', cost: 'rdfa' });
  });

  it('expands prefix="schema: …" CURIEs and full type IRIs, and ignores other vocabularies', () => {
    const html = `<body prefix="schema: http://schema.org/ dc: http://purl.org/dc/terms/">
      <section typeof="schema:Course">
        <h2 property="schema:name">Food Hygiene Level 2</h2>
        <span property="dc:title">Internal code FH2</span>
        <span property="schema:timeRequired" content="PT3H">Three hours</span>
        <span property="schema:inLanguage">cy</span>
      </section>
      <section vocab="http://purl.org/dc/terms/" typeof="Course"><h2 property="name">Not schema.org</h2></section>
      <section vocab="https://schema.org/" typeof="https://schema.org/Course"><h2 property="name">Allergen Awareness</h2></section>
    </body>`;
    const { records } = extractPage(html, 'https://food.example/courses');

    expect(records.map((record) => record.title)).toEqual(['Food Hygiene Level 2', 'Allergen Awareness']);
    expect(records[0]).toMatchObject({ duration: 'PT3H', languages: ['cy'] });
  });

  it('links typed children through a rel that has no object of its own', () => {
    const html = `<div vocab="https://schema.org/" typeof="Course">
      <h1 property="name">Drone Pilot Certificate</h1>
      <ul rel="hasCourseInstance">
        <li typeof="CourseInstance"><span property="courseMode">blended</span> <span property="startDate">2026-07-06</span></li>
        <li typeof="CourseInstance"><span property="courseMode">online</span> <span property="startDate">2026-09-07</span></li>
      </ul>
    </div>`;
    const [record] = extractPage(html, 'https://drones.example/gvc').records;

    expect(record).toMatchObject({ mode: 'blended, online', startDates: ['2026-07-06', '2026-09-07'] });
  });
});
