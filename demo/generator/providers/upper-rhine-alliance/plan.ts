import { daysInWeeks, free, monthsInWeeks, paid, weeks, type ProviderPlan } from '../../lib/model.ts';
import { themes } from './topics.ts';

const themeOf = themes.flatMap((theme) => theme.topics.map(() => theme.slug));

export const plan: ProviderPlan = {
  id: 'upper-rhine-alliance',
  name: 'Upper Rhine Micro-credential Alliance',
  providerType: 'partnership',
  country: 'DE',
  seed: 5507,
  topics: themes.flatMap((theme) => theme.topics),
  // Several courses share one theme page, so each is addressed by its element id.
  pathFor: (slug, index) => `/offer/${themeOf[index]}.html#${slug}`,
  pools: {
    duration: [
      { text: '6 weeks', weeks: weeks(6) },
      { text: '8–10 weeks', weeks: weeks(8, 10) },
      { text: '1 semester', weeks: [16, 16] },
      { text: '4 Months', weeks: monthsInWeeks(4) },
      { text: '2 weeks (summer school)', weeks: weeks(2) },
      { text: '5 days', weeks: daysInWeeks(5) },
    ],
    workload: [
      { text: '5 ECTS' },
      { text: '3 ECTS (75–90 hours)' },
      { text: '15–20 hours a week' },
      { text: '2–4 hours per week' },
      { text: 'Approx. 40 hours' },
    ],
    cost: [
      paid('1.250,00 €', 1250, 'EUR'),
      paid('€450', 450, 'EUR'),
      free('Free'),
      paid('390 EUR', 390, 'EUR'),
      paid('€1.490', 1490, 'EUR'),
      free('0 € (funded by Interreg)'),
    ],
    mode: [
      { text: 'Online', mode: 'online' },
      { text: 'Presencial', mode: 'in_person', city: 'Valencia' },
      { text: 'Hybrid', mode: 'blended', city: 'Freiburg' },
      { text: 'On campus (Strasbourg)', mode: 'in_person', city: 'Strasbourg' },
      { text: 'Blended (online + 3 campus days)', mode: 'blended', city: 'Karlsruhe' },
      { text: 'Online (synchronous)', mode: 'online' },
    ],
    level: ['EQF level 5', 'EQF level 6', 'EQF level 7', 'Master level'],
    credit: [
      { text: '5 ECTS', value: 5, ects: 5 },
      { text: '3 ECTS', value: 3, ects: 3 },
      { text: '2 ECTS', value: 2, ects: 2 },
      { text: '6 ECTS', value: 6, ects: 6 },
    ],
    credential: [
      'European micro-credential, issued as a European Digital Credential',
      'Certificate of participation',
      'Digital badge (Open Badges)',
    ],
    assessment: ['Written exam', 'Project report', 'Oral examination', 'Portfolio'],
    prerequisites: [
      "Bachelor's degree in a related field",
      'English at level B2',
      'Open to all enrolled students of partner universities and to professionals',
    ],
    startDates: ['2027-03-01', '2027-04-12', '2027-06-28', '2027-07-19', '2027-10-04', '2027-10-18'],
    languages: [['en'], ['de'], ['fr'], ['en', 'de'], ['en', 'fr'], ['de', 'fr'], ['es', 'en']],
  },
  missing: {
    duration: 0.1,
    workload: 0.3,
    cost: 0.2,
    mode: 0.08,
    level: 0.15,
    credit: 0.2,
    credential: 0.15,
    assessment: 0.3,
    prerequisites: 0.5,
    startDates: 0.25,
  },
  summaries: [
    (about) =>
      `A joint micro-credential on ${about}, taught by lecturers from several alliance universities.`,
    (about) => `Explore ${about} with students and professionals from France, Germany and Switzerland.`,
    (about) =>
      `This module covers ${about} and can be recognised towards a degree at any partner university.`,
  ],
  audiences: [
    'Open to students of the partner universities and to professionals from the region.',
    'Credits are recognised across the alliance under the European Credit Transfer System.',
  ],
  howYouLearn: {
    online:
      'Teaching is online, with live seminars and self-study materials on the alliance learning platform.',
    blended: 'Online phases alternate with on-site days at a partner campus.',
    in_person: 'Teaching takes place on site at the host university.',
  },
};
