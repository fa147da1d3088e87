import { daysInWeeks, monthsInWeeks, paid, weeks, type ProviderPlan } from '../../lib/model.ts';
import { topics } from './topics.ts';

export const plan: ProviderPlan = {
  id: 'institute-of-workplace-practice',
  name: 'Institute of Workplace Practice Australia',
  providerType: 'professional_body',
  country: 'AU',
  seed: 4421,
  topics,
  pathFor: (slug) => `/cpd/${slug}.html`,
  pools: {
    duration: [
      { text: '6 weeks', weeks: weeks(6) },
      { text: '1 day', weeks: daysInWeeks(1) },
      { text: '2 days', weeks: daysInWeeks(2) },
      { text: '8 weeks', weeks: weeks(8) },
      { text: '12 weeks, 3–5 hours per week', weeks: weeks(12) },
      { text: 'Self-paced (approx. 12 weeks)', weeks: weeks(12), selfPaced: true },
      { text: '3 months', weeks: monthsInWeeks(3) },
      { text: '4–6 weeks', weeks: weeks(4, 6) },
    ],
    workload: [
      { text: '7 hours (1 day)' },
      { text: 'Approx. 40 hours' },
      { text: '2–4 hours per week' },
      { text: '15–20 hours a week' },
      { text: '6 CPD hours' },
    ],
    cost: [
      paid('AUD 495', 495, 'AUD'),
      paid('A$1,320 incl. GST', 1320, 'AUD'),
      paid('$660 AUD', 660, 'AUD'),
      paid('AUD 1,150 (members) / AUD 1,450 (non-members)', 1150, 'AUD'),
      paid('AUD 89', 89, 'AUD'),
      paid('A$2,750 incl. GST', 2750, 'AUD'),
    ],
    mode: [
      { text: 'Online', mode: 'online' },
      { text: 'Face-to-face, Sydney', mode: 'in_person', city: 'Sydney' },
      { text: 'Virtual classroom (live online)', mode: 'online' },
      { text: 'Blended', mode: 'blended', city: 'Melbourne' },
      { text: 'In person, Melbourne CBD', mode: 'in_person', city: 'Melbourne' },
      { text: 'Online, self-paced', mode: 'online' },
    ],
    level: ['Foundation', 'AQF Level 6', 'AQF Level 5', 'AQF Level 8', 'Intermediate', 'Advanced'],
    credit: [
      { text: '10 CPD points', value: 10 },
      { text: 'Credit towards the Graduate Certificate in WHS (AQF Level 8)', value: 1 },
      { text: '20 CPD points', value: 20 },
    ],
    credential: [
      'Statement of Attainment (nationally recognised)',
      'Digital badge (Open Badges)',
      'Micro-credential',
      'Certificate of completion',
    ],
    assessment: [
      'Workplace project',
      'Online assessment (multiple choice)',
      'Practical demonstration',
      'Case study report',
    ],
    prerequisites: [
      'None',
      'Current employment in a supervisory role',
      'Completion of Work Health and Safety Fundamentals',
      'Two years of relevant industry experience',
    ],
    startDates: ['2027-02-03', '2027-03-10', '2027-04-14', '2027-05-19', '2027-07-21', '2027-08-25'],
    languages: [['en-AU']],
  },
  missing: {
    duration: 0.1,
    workload: 0.3,
    cost: 0.1,
    mode: 0.1,
    level: 0.3,
    credit: 0.4,
    credential: 0.2,
    assessment: 0.3,
    prerequisites: 0.4,
    startDates: 0.2,
  },
  summaries: [
    (about) => `Practical CPD on ${about}, developed by practitioners for practitioners.`,
    (about) => `Stay compliant and confident with ${about}.`,
    (about) =>
      `An industry-recognised course covering ${about}, mapped to our professional capability framework.`,
    (about) => `Build your expertise in ${about} and earn CPD points towards your membership.`,
  ],
  audiences: [
    'For managers, supervisors and specialists who carry these responsibilities in their role.',
    'Members receive discounted pricing and the course counts towards annual CPD requirements.',
    'Suitable for people new to the role as well as experienced practitioners wanting a refresher.',
  ],
  howYouLearn: {
    online: 'Study online through our learning portal, with live Q&A sessions with a facilitator.',
    blended: 'Complete online modules, then attend a facilitated workshop day with your cohort.',
    in_person:
      'A facilitated face-to-face workshop with case studies and group activities; lunch is included.',
  },
};
