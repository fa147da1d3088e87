import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { failureOf, readTestFeed } from './test-feeds.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('schema.org JSON-LD feeds', () => {
  it('reads Course with CourseInstances, a Program with its Offer, and a Course offered in an OfferCatalog', async () => {
    const { feed, rows, courses } = await readTestFeed(fixture('schemaorg-catalogue.jsonld'));
    expect(feed.format).toBe('schemaorg');
    expect(courses.map((course) => course.title)).toEqual([
      'Project Management Essentials',
      'Cloud Engineering Bootcamp',
      'Excel Basics',
    ]);
    const [pm, cloud, excel] = courses;
    expect(pm).toMatchObject({
      cost: { amount: 395, currency: 'GBP' },
      delivery: { mode: 'online' },
      duration: { minWeeks: 6, maxWeeks: 6 },
      startDates: ['2026-10-05', '2027-01-11'],
      level: { label: 'intermediate' },
      credit: { value: 10, system: 'CATS' },
      credential: { type: 'certificate' },
      languages: ['en-GB'],
    });
    expect(rows[0]!.id).toMatch(/^northbridge-university-/);
    expect(cloud).toMatchObject({
      cost: { amount: 4500 },
      delivery: { mode: 'in_person' },
      location: { city: 'Manchester' },
      duration: { minWeeks: 12 },
    });
    expect(excel).toMatchObject({
      cost: { amount: 0, freeClass: 'free' },
      enrolmentUrl: 'https://www.brightside-academy.example/enrol/excel-basics',
    });
  });

  it("keeps a course's url when it is also the course's own @id", async () => {
    const url = 'https://www.harbour.example/courses/welding';
    const document = {
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@id': url,
          '@type': 'Course',
          name: 'Welding Basics',
          url,
          provider: 'https://www.harbour.example/#org',
        },
        {
          '@id': 'https://www.harbour.example/#org',
          '@type': 'CollegeOrUniversity',
          name: 'Harbour Institute',
        },
      ],
    };
    const { courses } = await readTestFeed(Buffer.from(JSON.stringify(document)));
    expect(courses).toHaveLength(1);
    expect(courses[0]).toMatchObject({ title: 'Welding Basics', url });
  });

  it('refuses JSON-LD that describes no course, naming the types it found', async () => {
    const document = { '@context': 'https://schema.org', '@type': 'Organization', name: 'Brightside' };
    const error = await failureOf(readTestFeed(JSON.stringify(document)));
    expect(error.message).toContain('(it has Organization)');
  });
});

describe('Credential Engine CTDL feeds', () => {
  it('reads a @graph: language maps, CostProfiles, DeliveryType, EstimatedDuration, CreditValue, QA, ownedBy', async () => {
    const { feed, rows, courses } = await readTestFeed(fixture('ctdl-graph.json'));
    expect(feed.format).toBe('ctdl');
    expect(courses.map((course) => course.title)).toEqual([
      'Medical Coding Fundamentals',
      'Anatomy for Coders',
      'Coding Compliance Badge',
    ]);
    const [coding, anatomy, badge] = courses;
    expect(coding).toMatchObject({
      url: 'https://www.lakeshore-cc.example/programs/medical-coding',
      enrolmentUrl: 'https://www.lakeshore-cc.example/apply/medical-coding',
      cost: { amount: 1245, currency: 'USD' },
      delivery: { mode: 'online' },
      duration: { minWeeks: 16, maxWeeks: 16 },
      workload: { totalHours: { min: 120, max: 120 } },
      credit: { value: 12 },
      level: { label: 'introductory' },
      assessment: 'Exam',
      qualityAssurance: 'Approved by Ohio Department of Higher Education',
      location: { city: 'Cleveland', region: 'Ohio', country: 'US' },
      subjects: ['Health Information Technology', 'Medical Billing and Coding'],
      keywords: ['ICD-10', 'CPT', 'healthcare'],
      learningOutcomes: [
        'Assign ICD-10-CM diagnosis codes to outpatient records',
        'Apply CPT procedure codes and modifiers',
      ],
      languages: ['en-US'],
    });
    expect(coding!.prerequisites).toBe(
      'High school diploma or GED; Placement test in English; Basic computer skills',
    );
    expect(rows[0]!.problems[0]).toMatchObject({
      field: 'estimatedCost',
      message: expect.stringContaining('"Out-of-State Tuition and Fees"'),
    });
    expect(anatomy).toMatchObject({
      delivery: { mode: 'blended' },
      duration: { minWeeks: 8, maxWeeks: 10 },
      credit: { value: 3 },
    });
    expect(badge).toMatchObject({
      credential: { type: 'digital_badge' },
      cost: { amount: 0, freeClass: 'free' },
    });
  });

  it('keys each course by its CTID, so a republished resource stays one listing', async () => {
    const first = await readTestFeed(fixture('ctdl-graph.json'));
    const moved = JSON.parse(fixture('ctdl-graph.json').toString()) as {
      '@graph': Record<string, unknown>[];
    };
    moved['@graph'][0]!['ceterms:subjectWebpage'] = 'https://www.lakeshore-cc.example/new/medical-coding';
    const second = await readTestFeed(JSON.stringify(moved));
    expect(second.rows[0]!.id).toBe(first.rows[0]!.id);
  });

  it('reads registry envelopes: decoded_resource, and a resource given as a signed JWT', async () => {
    const { courses } = await readTestFeed(fixture('ctdl-envelopes.json'));
    expect(courses.map((course) => course.title)).toEqual([
      'Welding Technology Certificate Program',
      'Pipe Welding Certificate',
    ]);
    expect(courses[0]).toMatchObject({
      cost: { amount: 3400, currency: 'USD' },
      delivery: { mode: 'in_person' },
      duration: { minWeeks: 32 },
    });
    expect(courses[0]!.qualityAssurance).toBe('Accredited by American Welding Society');
    expect(courses[1]!.credential.type).toBe('certificate');
  });

  it('skips an envelope whose resource nests 100,000 deep and reads the others', async () => {
    const envelopes = JSON.parse(fixture('ctdl-envelopes.json').toString()) as unknown[];
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    envelopes.push({ envelope_type: 'resource_data', resource: deep });
    const { courses } = await readTestFeed(JSON.stringify(envelopes));
    expect(courses.map((course) => course.title)).toEqual([
      'Welding Technology Certificate Program',
      'Pipe Welding Certificate',
    ]);
  });

  it('reports a resource without a name as a rejected record and keeps the others', async () => {
    const document = JSON.parse(fixture('ctdl-graph.json').toString()) as {
      '@graph': Record<string, unknown>[];
    };
    delete document['@graph'][1]!['ceterms:name'];
    const { rows } = await readTestFeed(JSON.stringify(document));
    expect(rows.map((row) => row.course !== null)).toEqual([true, false, true]);
    expect(rows[1]!.problems[0]).toMatchObject({ row: 2, field: 'ceterms:name', severity: 'error' });
  });
});

describe('a price in "dollars" in a CTDL or ELM feed', () => {
  const australian = { id: 'southern-cross-tafe', country: 'AU', url: 'https://www.southern-cross.example/' };

  it('is in Australian dollars from an Australian provider, and US dollars from one where $ is not local', async () => {
    const ctdl = JSON.parse(fixture('ctdl-graph.json').toString()) as { '@graph': Record<string, unknown>[] };
    for (const profile of ctdl['@graph'][0]!['ceterms:estimatedCost'] as Record<string, unknown>[])
      profile['ceterms:currency'] = 'dollar';
    const [fromAustralia] = (await readTestFeed(JSON.stringify(ctdl), {}, australian)).courses;
    expect(fromAustralia!.cost).toMatchObject({ amount: 1245, currency: 'AUD' });
    const [fromBritain] = (await readTestFeed(JSON.stringify(ctdl))).courses;
    expect(fromBritain!.cost).toMatchObject({ amount: 1245, currency: 'USD' });

    // a currency given by its label only
    const elm = JSON.parse(fixture('elm-opportunities.jsonld').toString()) as {
      '@graph': { priceDetail?: { amount: { unit: object } } }[];
    };
    elm['@graph'][0]!.priceDetail!.amount.unit = { type: 'Concept', prefLabel: { en: 'Dollar' } };
    const [energy] = (await readTestFeed(JSON.stringify(elm), {}, australian)).courses;
    expect(energy!.cost).toMatchObject({ amount: 750, currency: 'AUD' });
  });
});

describe('European Learning Model (ELM v3) feeds', () => {
  it('reads a learning opportunity with its specification: the EU micro-credential elements', async () => {
    const { feed, courses } = await readTestFeed(fixture('elm-opportunities.jsonld'));
    expect(feed.format).toBe('elm');
    const [energy, ethics] = courses;
    expect(energy).toMatchObject({
      title: 'Green Energy Systems',
      url: 'https://www.atlantic-tu.example/micro-credentials/green-energy',
      credit: { value: 5, system: 'ECTS' },
      level: { eqf: 6 },
      delivery: { mode: 'blended' },
      workload: { totalHours: { min: 125, max: 125 } },
      duration: { minWeeks: 10, maxWeeks: 10 },
      cost: { amount: 750, currency: 'EUR' },
      startDates: ['2026-09-21'],
      location: { city: 'Galway', country: 'IE' },
      assessment: 'Design project (project assessment, online)',
      qualityAssurance: 'Validated under QQI delegated authority (Quality and Qualifications Ireland)',
      prerequisites: 'A level 6 qualification in engineering or equivalent experience.',
      languages: ['en'],
      skills: ['design photovoltaic systems'],
      summary: 'Plan, size and evaluate renewable energy systems.',
    });
    expect(energy!.learningOutcomes).toHaveLength(2);
    expect(energy!.completeness.score).toBe(100);
    expect(ethics).toMatchObject({
      credit: { value: 2, system: 'ECTS' },
      level: { eqf: 5 },
      duration: { minWeeks: null },
      delivery: { mode: 'online' },
    });
    expect(ethics!.duration.maxWeeks).toBeCloseTo(8.7, 0); // P2M: up to two months
  });

  it("reads the specification a learner's credential points to, with a warning", async () => {
    const credential = {
      '@context': [
        'https://www.w3.org/2018/credentials/v1',
        'http://data.europa.eu/snb/model/context/edc-ap',
      ],
      id: 'urn:credential:1',
      type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
      credentialSubject: {
        id: 'urn:person:1',
        type: 'Person',
        hasClaim: {
          id: 'urn:claim:1',
          type: 'LearningAchievement',
          title: { en: 'Digital credentials' },
          specifiedBy: {
            id: 'urn:epass:qualification:1',
            type: 'Qualification',
            title: { en: 'Digital micro-credential creation' },
            homepage: { id: 'urn:web:1', type: 'WebResource', contentURL: 'https://uniz.example/mc' },
            creditPoint: {
              id: 'urn:cp:1',
              type: 'CreditPoint',
              framework: { id: 'http://data.europa.eu/snb/education-credit/6fcec5c5af', type: 'Concept' },
              point: '2',
            },
            volumeOfLearning: 'PT60H',
          },
        },
      },
    };
    const { rows } = await readTestFeed(JSON.stringify(credential));
    expect(rows[0]!.course).toMatchObject({
      title: 'Digital micro-credential creation',
      credit: { value: 2 },
    });
    expect(rows[0]!.problems[0]!.message).toMatch(/learner's credential/);
  });
});
