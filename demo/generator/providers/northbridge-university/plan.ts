import { daysInWeeks, free, monthsInWeeks, paid, weeks, type ProviderPlan } from '../../lib/model.ts';
import { topics } from './topics.ts';

export const plan: ProviderPlan = {
  id: 'northbridge-university',
  name: 'Northbridge University',
  providerType: 'university',
  country: 'GB',
  seed: 1847,
  topics,
  pathFor: (slug) => `/courses/${slug}.html`,
  pools: {
    duration: [
      { text: '6 weeks', iso: 'P6W', weeks: weeks(6) },
      { text: '8 weeks', iso: 'P8W', weeks: weeks(8) },
      { text: '5 weeks', iso: 'P5W', weeks: weeks(5) },
      { text: '10 weeks', iso: 'P10W', weeks: weeks(10) },
      { text: '8–10 weeks', weeks: weeks(8, 10) },
      { text: '1 semester', weeks: [16, 16] },
      { text: '12 weeks, 3–5 hours per week', weeks: weeks(12) },
      { text: '4 Months', iso: 'P4M', weeks: monthsInWeeks(4) },
      { text: '3 days', iso: 'P3D', weeks: daysInWeeks(3) },
      { text: '4 weeks', iso: 'P4W', weeks: weeks(4) },
    ],
    workload: [
      { text: '3–5 hours per week' },
      { text: '40 hours in total', iso: 'PT40H' },
      { text: '15–20 hours a week' },
      { text: 'Approx. 40 hours' },
      { text: '2–4 hours per week' },
      { text: '6 hours per week' },
      { text: '150 hours of study, including independent learning', iso: 'PT150H' },
    ],
    cost: [
      paid('£1,250 inc. VAT', 1250, 'GBP'),
      paid('£495', 495, 'GBP'),
      free('Free'),
      paid('£95', 95, 'GBP'),
      paid('£2,100', 2100, 'GBP'),
      paid('£350 + VAT', 350, 'GBP'),
      paid('£795 (10% alumni discount available)', 795, 'GBP'),
      free('Fully funded – free for eligible learners'),
    ],
    mode: [
      { text: 'Online', mode: 'online' },
      {
        text: 'Online, live sessions on Tuesday evenings',
        mode: 'online',
        structured: ['Online', 'Part-time'],
      },
      { text: 'Blended (online + 3 campus days)', mode: 'blended', city: 'Manchester' },
      { text: 'In person, Manchester campus', mode: 'in_person', structured: 'Onsite', city: 'Manchester' },
      { text: 'Online (open to all)', mode: 'online', structured: 'MOOC' },
    ],
    level: ['Introductory', 'Intermediate', 'Advanced', 'FHEQ Level 7 (Masters)', 'EQF level 6', 'Beginner'],
    credit: [
      { text: '15 credits at Level 7 (7.5 ECTS)', value: 15, ects: 7.5 },
      { text: '10 credits (5 ECTS)', value: 10, ects: 5 },
      { text: '20 UK credits', value: 20 },
    ],
    credential: [
      'Certificate of completion',
      'Digital badge (Open Badges 2.0)',
      'Micro-credential with academic credit',
      'Northbridge University Certificate',
    ],
    assessment: [
      'Portfolio of practical work',
      'Written assignment (2,000 words)',
      'Online quizzes and a final project',
      'No formal assessment',
      'Presentation and reflective report',
    ],
    prerequisites: [
      'None – open to everyone',
      'A first degree or equivalent professional experience',
      'Basic numeracy; no programming experience needed',
      'GCSE English (grade 4) or equivalent',
    ],
    startDates: [
      '2027-01-18',
      '2027-02-08',
      '2027-03-01',
      '2027-04-19',
      '2027-05-10',
      '2027-09-27',
      '2027-10-11',
    ],
    languages: [['en-GB']],
  },
  missing: {
    duration: 0.08,
    workload: 0.3,
    cost: 0.1,
    mode: 0.06,
    level: 0.25,
    credit: 0.5,
    credential: 0.2,
    assessment: 0.3,
    prerequisites: 0.3,
    startDates: 0.15,
  },
  summaries: [
    (about) =>
      `A practical short course on ${about}, taught by Northbridge academics and industry practitioners.`,
    (about) =>
      `Build confidence with ${about} and apply what you learn to your own work from the first week.`,
    (about) => `This course introduces ${about}, combining the latest research with real case studies.`,
    (about) =>
      `Develop your understanding of ${about} alongside professionals from across the North West and beyond.`,
  ],
  audiences: [
    'It is designed for working professionals who want to update their skills without committing to a full degree.',
    'No previous study in the subject is needed; you just need curiosity and a few hours each week.',
    'It suits graduates and career changers looking for a recognised, credit-bearing first step.',
    'Employers often sponsor staff on this course as part of their professional development.',
  ],
  howYouLearn: {
    online:
      'You learn online through short videos, readings and discussion with your cohort, supported by a tutor.',
    blended: 'You study online and join your cohort on campus in Manchester for practical workshops.',
    in_person:
      'Teaching takes place in small groups on our Manchester campus, with access to labs and the library.',
  },
};
