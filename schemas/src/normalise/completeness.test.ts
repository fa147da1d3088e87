import { describe, expect, it } from 'vitest';
import { assessCompleteness, COMPLETENESS_ELEMENTS, type CompletenessFacts } from './completeness.ts';

const complete: CompletenessFacts = {
  title: 'Data Analytics with Python',
  providerId: 'northbridge-university',
  location: { city: 'Leeds', region: null, country: 'GB' },
  learningOutcomes: ['Clean and analyse data'],
  workload: {
    text: '5 hours per week',
    hoursPerWeek: { min: 5, max: 5 },
    totalHours: null,
    totalDerived: false,
  },
  level: { text: 'EQF 5', eqf: 5, label: null },
  assessment: 'Project',
  delivery: { text: 'Online', mode: 'online', pacing: null },
  qualityAssurance: 'Accredited by QAA',
  cost: { text: '£450', amount: 450, currency: 'GBP', freeClass: 'paid', basis: 'total', reference: null },
  duration: { text: '6 weeks', minWeeks: 6, maxWeeks: 6, selfPaced: false },
  startDates: ['2026-01-12'],
  credit: { text: '5 ECTS', value: 5, system: 'ECTS', stackable: null },
};

const bare: CompletenessFacts = {
  ...complete,
  location: { city: null, region: null, country: null },
  learningOutcomes: [],
  workload: { text: null, hoursPerWeek: null, totalHours: null, totalDerived: false },
  level: { text: null, eqf: null, label: null },
  assessment: null,
  delivery: { text: null, mode: null, pacing: null },
  qualityAssurance: '  ',
  cost: { text: null, amount: null, currency: null, freeClass: 'unknown', basis: 'unknown', reference: null },
  duration: { text: null, minWeeks: null, maxWeeks: null, selfPaced: false },
  startDates: [],
  credit: { text: null, value: null, system: null, stackable: null },
};

describe('assessCompleteness', () => {
  it('scores a listing with every critical fact 100', () => {
    expect(assessCompleteness(complete)).toEqual({ score: 100, missing: [] });
  });

  it('names every missing element in human words, in the order of the list', () => {
    expect(assessCompleteness(bare)).toEqual({
      score: 15,
      missing: [
        'country',
        'learning outcomes',
        'notional workload',
        'level (EQF)',
        'type of assessment',
        'form of participation (delivery mode)',
        'quality assurance',
        'cost',
        'duration',
        'start dates',
        'credit',
      ],
    });
  });

  it.each([
    [
      'a self-paced course needs no start dates',
      { duration: { ...bare.duration, selfPaced: true } },
      'start dates',
    ],
    [
      'a stated difficulty is a level',
      { level: { text: 'Beginner', eqf: null, label: 'introductory' as const } },
      'level (EQF)',
    ],
    ['a free course has a cost', { cost: { ...bare.cost, amount: 0, freeClass: 'free' as const } }, 'cost'],
    ['"up to 12 weeks" is a duration', { duration: { ...bare.duration, maxWeeks: 12 } }, 'duration'],
    ['"no credit" is stated credit', { credit: { ...bare.credit, text: 'Not credit-bearing' } }, 'credit'],
    [
      'a total is a workload',
      { workload: { ...bare.workload, totalHours: { min: 40, max: 40 } } },
      'notional workload',
    ],
  ])('%s', (_name, change, element) => {
    const result = assessCompleteness({ ...bare, ...change });
    expect(result.missing).not.toContain(element);
    expect(result.score).toBe(23);
  });

  it('exports the elements with their source so the UI and partners can list them', () => {
    expect(COMPLETENESS_ELEMENTS.map((element) => element.name)).toEqual([
      'title',
      'awarding body',
      'country',
      'learning outcomes',
      'notional workload',
      'level (EQF)',
      'type of assessment',
      'form of participation (delivery mode)',
      'quality assurance',
      'cost',
      'duration',
      'start dates',
      'credit',
    ]);
    expect(COMPLETENESS_ELEMENTS.filter((element) => element.source === 'eu-2022')).toHaveLength(9);
  });

  it('never throws on a malformed record', () => {
    expect(assessCompleteness({} as CompletenessFacts).score).toBe(0);
  });
});
