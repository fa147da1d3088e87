import { describe, expect, it } from 'vitest';
import { extractPage } from './index.ts';
import { fixturePage } from './test-pages.ts';

describe('microdata', () => {
  it('reads each Course on a listing page, with nested instances, offers and an itemref-shared location', () => {
    const { records, warnings } = extractPage(
      fixturePage('college-listing-microdata.html'),
      'https://riverside.example/evening/',
    );

    expect(warnings).toEqual([]);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      title: 'Bookkeeping Level 2',
      url: 'https://riverside.example/courses/bookkeeping-level-2',
      description: 'Double-entry bookkeeping & VAT returns for small businesses.',
      level: 'Level 2',
      mode: 'Classroom',
      startDates: ['2026-01-12'],
      workload: 'PT3H',
      cost: '320.00',
      currency: 'GBP',
      city: 'Bristol',
      country: 'GB',
    });
    expect(records[1]).toMatchObject({
      title: 'Introduction to Python',
      url: 'https://riverside.example/courses/intro-to-python',
      languages: ['en'],
      mode: 'Online',
      duration: 'P10W',
      cost: '0',
      city: 'Bristol',
    });
    expect(records[0]!.provenance).toMatchObject({
      title: 'microdata',
      cost: 'microdata',
      city: 'microdata',
    });
  });

  it('takes values from content, href, src and datetime attributes as the HTML spec says', () => {
    const html = `<main itemscope itemtype="https://schema.org/EducationalOccupationalProgram">
      <h1 itemprop="name">Diploma in Horticulture</h1>
      <img itemprop="image" src="/img/garden.jpg" alt="">
      <a itemprop="url" href="diploma-horticulture">Read more</a>
      <p>Starts <time itemprop="startDate" datetime="2026-04-20">after Easter</time></p>
      <span itemprop="timeToComplete" content="P1Y">one year, part-time</span>
      <data itemprop="numberOfCredits" value="60">sixty credits</data>
      <div itemprop="educationalCredentialAwarded" itemscope itemtype="https://schema.org/EducationalOccupationalCredential">
        <span itemprop="credentialCategory">Diploma</span>
      </div>
    </main>`;
    const [record] = extractPage(html, 'https://green.example/programmes/').records;

    expect(record).toMatchObject({
      title: 'Diploma in Horticulture',
      url: 'https://green.example/programmes/diploma-horticulture',
      startDates: ['2026-04-20'],
      duration: 'P1Y',
      credit: '60 credits',
      credential: 'Diploma',
    });
  });

  it('does not read the properties of a nested item into the course around it', () => {
    const html = `<div itemscope itemtype="https://schema.org/Course">
      <h1 itemprop="name">Beekeeping for Beginners</h1>
      <div itemprop="provider" itemscope itemtype="https://schema.org/Organization">
        <span itemprop="name">County Beekeepers Association</span>
        <span itemprop="description">A charity since 1921.</span>
      </div>
    </div>`;
    const [record] = extractPage(html, 'https://bees.example/beginners').records;

    expect(record!.title).toBe('Beekeeping for Beginners');
    expect(record!.description).toBeUndefined();
  });

  it('fills what JSON-LD left out from microdata for the same course, recording microdata as the source', () => {
    const html = `<html><head><script type="application/ld+json">
      {"@context":"https://schema.org","@type":"Course","name":"Barista Skills","description":"Espresso from bean to cup."}
      </script></head><body>
      <div itemscope itemtype="https://schema.org/Course">
        <h1 itemprop="name">Barista Skills</h1>
        <div itemprop="hasCourseInstance" itemscope itemtype="https://schema.org/CourseInstance">
          <meta itemprop="courseMode" content="in-person"><meta itemprop="courseWorkload" content="PT8H">
        </div>
      </div></body></html>`;
    const { records } = extractPage(html, 'https://coffee.example/barista');

    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      description: 'Espresso from bean to cup.',
      mode: 'in-person',
      workload: 'PT8H',
    });
    expect(records[0]!.provenance).toMatchObject({
      description: 'jsonld',
      mode: 'microdata',
      workload: 'microdata',
    });
  });

  it('takes a town given as a one-word address, and splits a list of languages', () => {
    const html = `<article itemscope itemtype="https://schema.org/Course"><h1 itemprop="name">Conversational Irish</h1>
      <div itemprop="hasCourseInstance" itemscope itemtype="https://schema.org/CourseInstance">
        <dd itemprop="location" itemscope itemtype="https://schema.org/Place">
          <span itemprop="name">Fernhill College, Western Road</span>, <span itemprop="address">Cork</span></dd>
      </div>
      <meta itemprop="inLanguage" content="ga, en-IE"></article>`;
    const [record] = extractPage(html, 'https://fernhill.example/courses/irish').records;

    expect(record).toMatchObject({ city: 'Cork', languages: ['ga', 'en-IE'] });
  });
});
