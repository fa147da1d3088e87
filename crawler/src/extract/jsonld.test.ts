import { describe, expect, it } from 'vitest';
import { extractPage } from './index.ts';
import { fixturePage, pageWithJsonLd } from './test-pages.ts';

const PAGE = 'https://www.northbridge.example/short-courses/data-analytics-for-business';

describe('JSON-LD', () => {
  it('reads a Course from an @graph, resolving @id references and merging its course instances', () => {
    const { records, warnings } = extractPage(fixturePage('university-course-jsonld.html'), PAGE);

    expect(warnings).toEqual([]);
    expect(records).toHaveLength(1);
    const course = records[0]!;
    expect(course).toMatchObject({
      title: 'Data Analytics for Business',
      url: PAGE,
      cost: '1250',
      currency: 'GBP',
      enrolmentUrl: `${PAGE}/book`,
      level: 'Intermediate',
      credit: '5 ECTS',
      credential: 'Digital badge in Data Analytics',
      prerequisites: 'Comfortable with spreadsheets',
      skills: ['Data cleaning', 'Dashboards', 'Regression basics'],
      subjects: ['Business analytics', 'Statistics'],
      keywords: ['data', 'analytics', 'Excel'],
      languages: ['English'],
      mode: 'online, Blended',
      startDates: ['2026-03-02', '2026-09-14'],
      duration: '6 weeks',
      workload: '5 hours per week',
      city: 'Leeds',
      region: 'West Yorkshire',
      country: 'GB',
    });
    // HTML inside JSON-LD strings is left for the schemas normaliser to strip
    expect(course.description).toBe(
      '<p>Learn to turn spreadsheets into decisions.</p><p>Taught by the Business School.</p>',
    );
    expect(course.provenance).toMatchObject({
      title: 'jsonld',
      cost: 'jsonld',
      startDates: 'jsonld',
      summary: 'text',
    });
  });

  it('gives each course in a top-level array its own record and a distinct URL', () => {
    const html = pageWithJsonLd([
      [
        { '@context': 'https://schema.org', '@type': 'Course', name: 'Welding Basics', timeRequired: 'P6W' },
        { '@context': 'https://schema.org', '@type': ['Course', 'Product'], name: 'Advanced TIG Welding' },
      ],
    ]);
    const { records } = extractPage(html, 'https://trades.example/workshops');

    expect(records.map((record) => [record.title, record.url])).toEqual([
      ['Welding Basics', 'https://trades.example/workshops#welding-basics'],
      ['Advanced TIG Welding', 'https://trades.example/workshops#advanced-tig-welding'],
    ]);
    expect(records[0]!.duration).toBe('P6W');
  });

  it('reads the valid block when another script tag holds broken JSON, and says which one was skipped', () => {
    const html = pageWithJsonLd([
      '{ "@context": "https://schema.org", "@type": "Course", "name": "Broken" "description": }',
      {
        '@context': 'https://schema.org',
        '@type': 'Course',
        name: 'First Aid at Work',
        offers: { price: '215', priceCurrency: 'GBP' },
      },
    ]);
    const { records, warnings } = extractPage(html, 'https://safety.example/first-aid');

    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ title: 'First Aid at Work', cost: '215', currency: 'GBP' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^JSON-LD block 1 of 2 is not valid JSON \(.+\); skipped it$/);
  });

  it('skips a block nested 100,000 deep with a warning naming where, and reads the others', () => {
    const html = pageWithJsonLd([
      `{"@type": "Course", "name": ${'['.repeat(100_000)}"x"${']'.repeat(100_000)}}`,
      { '@context': 'https://schema.org', '@type': 'Course', name: 'First Aid at Work' },
    ]);
    const { records, warnings } = extractPage(html, 'https://safety.example/first-aid');
    expect(records.map((record) => record.title)).toEqual(['First Aid at Work']);
    expect(warnings).toEqual([
      'JSON-LD block 1 of 2 nests arrays and objects more than 100 levels deep (line 1, column 128); skipped it',
    ]);
  });

  it('reads JSON-LD with raw line breaks and a trailing comma, and warns that it is not strict JSON', () => {
    const html = pageWithJsonLd([
      '{"@type": "Course", "name": "Sign Language\nLevel 1", "inLanguage": "bfi",}',
    ]);
    const { records, warnings } = extractPage(html, 'https://signs.example/bsl-1');

    expect(records[0]).toMatchObject({ title: 'Sign Language Level 1', languages: ['bfi'] });
    expect(warnings).toEqual([expect.stringContaining('JSON-LD block 1 of 1 is not strict JSON')]);
  });

  it('makes a record of a programme and of each course it has, but not of a prerequisite or awarded credential', () => {
    const html = pageWithJsonLd([
      {
        '@context': 'https://schema.org',
        '@graph': [
          {
            '@type': 'EducationalOccupationalProgram',
            '@id': '#program',
            name: 'Micro-credential in Cyber Security',
            url: 'https://uni.example/micro/cyber',
            timeToComplete: 'P4M',
            educationalCredentialAwarded: { '@id': '#badge' },
            numberOfCredits: 15,
            hasCourse: [
              { '@id': '#threats' },
              { '@type': 'Course', name: 'Secure Networks', url: '/micro/cyber/networks' },
            ],
          },
          {
            '@type': 'EducationalOccupationalCredential',
            '@id': '#badge',
            name: 'Cyber Security micro-credential',
            credentialCategory: 'Micro-credential',
          },
          {
            '@type': 'Course',
            '@id': '#threats',
            name: 'Threat Modelling',
            url: '/micro/cyber/threats',
            coursePrerequisites: { '@type': 'Course', name: 'Computing Fundamentals' },
          },
        ],
      },
    ]);
    const { records } = extractPage(html, 'https://uni.example/micro/cyber');

    expect(records.map((record) => record.title)).toEqual([
      'Micro-credential in Cyber Security',
      'Threat Modelling',
      'Secure Networks',
    ]);
    expect(records[0]).toMatchObject({
      credential: 'Cyber Security micro-credential',
      duration: 'P4M',
      credit: '15 credits',
    });
    expect(records[1]).toMatchObject({
      url: 'https://uni.example/micro/cyber/threats',
      prerequisites: 'Computing Fundamentals',
    });
    expect(records[2]!.url).toBe('https://uni.example/micro/cyber/networks');
  });

  it('reads a credential page: level, competencies and category', () => {
    const html = pageWithJsonLd([
      {
        '@context': 'https://schema.org/',
        '@type': 'EducationalOccupationalCredential',
        name: 'Certificate in Site Safety Supervision',
        educationalLevel: { '@type': 'DefinedTerm', name: 'SCQF Level 6' },
        credentialCategory: { '@type': 'DefinedTerm', name: 'Professional Certificate', termCode: 'PC' },
        competencyRequired: [
          { '@type': 'DefinedTerm', termCode: 'CSS101', name: 'Plan safe working on site' },
          { '@type': 'DefinedTerm', termCode: 'CSS102' },
        ],
        recognizedBy: { '@type': 'Organization', name: 'Construction Skills Council' },
      },
    ]);
    const [record] = extractPage(html, 'https://build.example/site-safety').records;

    expect(record).toMatchObject({
      title: 'Certificate in Site Safety Supervision',
      level: 'SCQF Level 6',
      credential: 'Certificate in Site Safety Supervision (Professional Certificate)',
      skills: ['Plan safe working on site', 'CSS102'],
      qualityAssurance: 'Construction Skills Council',
    });
  });

  it('reads prices from AggregateOffer, PriceSpecification, a "Free" category and isAccessibleForFree', () => {
    const course = (name: string, extra: object) => ({
      '@context': 'https://schema.org',
      '@type': 'Course',
      name,
      ...extra,
    });
    const html = pageWithJsonLd([
      course('Aggregate', {
        offers: { '@type': 'AggregateOffer', lowPrice: 450, highPrice: '600', priceCurrency: 'EUR' },
      }),
      course('Specified', {
        offers: {
          '@type': 'Offer',
          priceSpecification: { '@type': 'PriceSpecification', price: 99.5, priceCurrency: 'USD' },
        },
      }),
      course('Category', { offers: { '@type': 'Offer', category: 'Free' } }),
      course('Accessible', { isAccessibleForFree: true }),
      course('Words', { offers: { '@type': 'Offer', price: { '@value': 'Free' } } }),
      course('Audit', {
        offers: [
          { '@type': 'Offer', price: 0, priceCurrency: 'USD', category: 'Free' },
          {
            '@type': 'Offer',
            name: 'Verified certificate',
            price: 49,
            priceCurrency: 'USD',
            category: 'Paid',
          },
        ],
      }),
    ]);
    const costs = extractPage(html, 'https://costs.example/').records.map((record) => [
      record.title,
      record.cost,
      record.currency,
    ]);

    expect(costs).toEqual([
      ['Aggregate', '450–600', 'EUR'],
      ['Specified', '99.5', 'USD'],
      ['Category', '0', undefined],
      ['Accessible', '0', undefined],
      ['Words', '0', undefined],
      ['Audit', 'Free; Verified certificate: 49 USD', undefined],
    ]);
  });

  it('reads a standalone CourseInstance and turns its Schedule into duration and workload text', () => {
    const html = pageWithJsonLd([
      {
        '@context': 'https://schema.org',
        '@type': 'CourseInstance',
        name: 'Spanish for Travellers – Tuesday evenings',
        courseMode: 'https://schema.org/OfflineEventAttendanceMode',
        eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
        courseSchedule: {
          '@type': 'Schedule',
          duration: 'PT1H30M',
          repeatFrequency: 'P1W',
          repeatCount: 10,
          startDate: '2026-02-03',
        },
        location: {
          '@type': 'Place',
          address: { '@type': 'PostalAddress', addressLocality: 'Cork', addressCountry: 'IE' },
        },
      },
    ]);
    const [record] = extractPage(html, 'https://lang.example/spanish-tuesday').records;

    expect(record).toMatchObject({
      title: 'Spanish for Travellers – Tuesday evenings',
      workload: '1.5 hours per week',
      duration: '10 weeks',
      startDates: ['2026-02-03'],
      city: 'Cork',
      country: 'IE',
    });
    expect(record!.mode).toContain('in person');
  });

  it('finds courses listed in an ItemList and in an offer catalogue', () => {
    const html = pageWithJsonLd([
      {
        '@context': 'https://schema.org',
        '@type': 'ItemList',
        itemListElement: [
          {
            '@type': 'ListItem',
            position: 1,
            item: { '@type': 'Course', name: 'Bread Making', url: '/bread' },
          },
          {
            '@type': 'ListItem',
            position: 2,
            item: { '@type': 'Course', name: 'Cake Decorating', url: '/cakes' },
          },
        ],
      },
      {
        '@context': 'https://schema.org',
        '@type': 'EducationalOrganization',
        name: 'Cookery School',
        hasOfferCatalog: {
          '@type': 'OfferCatalog',
          itemListElement: [
            {
              '@type': 'Offer',
              price: 80,
              priceCurrency: 'GBP',
              itemOffered: { '@type': 'Course', name: 'Knife Skills' },
            },
          ],
        },
      },
    ]);
    const titles = extractPage(html, 'https://cook.example/courses').records.map((record) => record.title);

    expect(titles).toEqual(['Bread Making', 'Cake Decorating', 'Knife Skills']);
  });

  it('accepts schema: prefixed names, full schema.org IRIs and numbers as values', () => {
    const html = pageWithJsonLd([
      {
        '@context': { schema: 'https://schema.org/' },
        '@type': 'schema:Course',
        'schema:name': 'Forklift Operator',
        'http://schema.org/numberOfCredits': {
          '@type': 'QuantitativeValue',
          value: 2,
          unitText: 'CATS points',
        },
        'schema:offers': { '@type': 'schema:Offer', 'schema:price': 340, 'schema:priceCurrency': 'GBP' },
      },
    ]);
    const [record] = extractPage(html, 'https://depot.example/forklift').records;

    expect(record).toMatchObject({
      title: 'Forklift Operator',
      credit: '2 CATS points',
      cost: '340',
      currency: 'GBP',
    });
  });

  it("reads a language map, and keeps a url that is also the course's own @id as a URL", () => {
    const html = pageWithJsonLd([
      {
        '@context': 'https://schema.org',
        '@id': 'https://depot.example/welding',
        '@type': 'Course',
        name: { de: 'Schweißen für Einsteiger', 'en-GB': 'Welding for Beginners' },
        url: 'https://depot.example/welding',
        provider: { '@id': 'https://depot.example/#org' },
      },
      {
        '@context': 'https://schema.org',
        '@id': 'https://depot.example/#org',
        '@type': 'Organization',
        name: 'Depot Training',
      },
    ]);
    const [record] = extractPage(html, 'https://depot.example/welding?ref=home').records;

    expect(record).toMatchObject({ title: 'Welding for Beginners', url: 'https://depot.example/welding' });
  });

  it("reads a language map in the page's own language, else English", () => {
    const course = {
      '@context': 'https://schema.org',
      '@type': 'Course',
      name: { 'en-GB': 'Welding for Beginners', 'de-DE': 'Schweißen für Einsteiger' },
    };
    const german = pageWithJsonLd([course]).replace('<html>', '<html lang="de-AT">');
    const dutch = pageWithJsonLd([course]).replace('<html>', '<html lang="nl">');

    expect(extractPage(german, 'https://depot.example/de/welding').records[0]?.title).toBe(
      'Schweißen für Einsteiger',
    );
    expect(extractPage(dutch, 'https://depot.example/nl/welding').records[0]?.title).toBe(
      'Welding for Beginners',
    );
  });

  it('does not repeat the amount when the credit unit already states it', () => {
    const html = pageWithJsonLd([
      {
        '@context': 'https://schema.org',
        '@type': 'Course',
        name: 'Kubernetes for Developers',
        numberOfCredits: {
          '@type': 'StructuredValue',
          value: 3,
          unitText: '3 continuing education units (CEUs)',
        },
      },
    ]);
    expect(extractPage(html, 'https://bp.example/k8s').records[0]!.credit).toBe(
      '3 continuing education units (CEUs)',
    );
  });
});
