import { describe, expect, it } from 'vitest';
import { sameTitle, scoreCourse, summarise, type ScoredCourse } from './score.ts';
import { parseTruth, type PageTruth } from './truth.ts';

const truth = (overrides: Partial<PageTruth> = {}): PageTruth =>
  parseTruth(
    {
      url: 'https://college.example/courses/welding',
      title: 'Intro to Welding',
      price: { amount: 350, currency: 'USD' },
      duration: { value: 3, unit: 'day' },
      workload: { min: 1, max: 1, unit: 'hours/day' },
      delivery_mode: 'online (live sessions)',
      ...overrides,
    },
    'welding.json',
  );

function course(overrides: Partial<ScoredCourse> = {}): ScoredCourse {
  return {
    title: 'Intro to Welding',
    cost: {
      text: '$350',
      amount: 350,
      currency: 'USD',
      freeClass: 'paid',
      basis: 'total',
      reference: null,
    },
    duration: {
      text: '3-day',
      minWeeks: 0.4,
      maxWeeks: 0.4,
      selfPaced: false,
      stated: { value: 3, max: null, unit: 'day' },
    },
    workload: { text: '3 hours', hoursPerWeek: null, totalHours: { min: 3, max: 3 }, totalDerived: false },
    delivery: { text: 'Online event', mode: 'online', pacing: null },
    ...overrides,
  };
}

const wrong = (outcomes: ReturnType<typeof scoreCourse>) =>
  outcomes.filter((outcome) => !outcome.right).map((outcome) => outcome.field);

describe('scoring an extracted course against hand-checked truth', () => {
  it('counts every field right when the course says what the truth says', () => {
    expect(wrong(scoreCourse(truth(), course()))).toEqual([]);
  });

  it('reads titles the same whatever their case, spacing, quotes or a generic "Curso de" in front', () => {
    expect(sameTitle('CS50’s Introduction  to Computer Science', "cs50's introduction to computer science")).toBe(true); // prettier-ignore
    expect(sameTitle('Curso de Estrategias de marketing', 'Estrategias de marketing')).toBe(true);
    expect(sameTitle('Estrategias de marketing', 'Curso de Estrategias de marketing')).toBe(true);
    expect(sameTitle('Intro to Welding', 'Reviews for Welding Courses | Class Central')).toBe(false);
    expect(sameTitle('Intro to Welding', 'Advanced Welding')).toBe(false);
  });

  it('counts a value the page does not state as invented, not right', () => {
    const outcomes = scoreCourse(truth({ price: null }), course());
    expect(wrong(outcomes)).toEqual(['price amount', 'price currency']);
    expect(summarise([outcomes]).find((score) => score.field === 'price amount')).toMatchObject({
      stated: 0,
      extracted: 1,
      right: 0,
      invented: 1,
    });
  });

  it('wants a free course as 0 with no currency, and a "Paid Course" without amount as empty', () => {
    const free = course({ cost: { ...course().cost, amount: 0, currency: null, freeClass: 'free' } });
    expect(wrong(scoreCourse(truth({ price: { amount: 0, currency: null } }), free))).toEqual([]);
    const noAmount = course({ cost: { ...course().cost, amount: null, currency: null } });
    expect(wrong(scoreCourse(truth({ price: null }), noAmount))).toEqual([]);
    expect(wrong(scoreCourse(truth({ price: null }), free))).toEqual(['price amount']);
  });

  it('compares a duration by the stated value and unit, so 3 days is not 0.4 weeks', () => {
    const inWeeks = course({
      duration: { ...course().duration, stated: { value: 0.4, max: null, unit: 'week' } },
    });
    expect(wrong(scoreCourse(truth(), inWeeks))).toEqual(['duration']);
    const plural = course({ duration: { ...course().duration, stated: { value: 3, unit: 'days' } } });
    expect(wrong(scoreCourse(truth(), plural))).toEqual([]);
  });

  it('compares a record without a stated length by its weeks', () => {
    const weeksOnly: ScoredCourse['duration'] = { ...course().duration };
    delete weeksOnly.stated;
    expect(wrong(scoreCourse(truth(), course({ duration: weeksOnly })))).toEqual([]);
    const sixWeeks = { ...weeksOnly, minWeeks: 6, maxWeeks: 6 };
    expect(wrong(scoreCourse(truth(), course({ duration: sixWeeks })))).toEqual(['duration']);
  });

  it('matches hours per week, stated total hours, and hours per day over a course given in days', () => {
    const perWeek = course({
      workload: { text: '6-18 hours a week', hoursPerWeek: { min: 6, max: 18 }, totalHours: null, totalDerived: false }, // prettier-ignore
    });
    expect(wrong(scoreCourse(truth({ workload: { min: 6, max: 18, unit: 'hours/week' } }), perWeek))).toEqual([]); // prettier-ignore
    expect(wrong(scoreCourse(truth({ workload: { min: 3, max: 3, unit: 'hours total' } }), course()))).toEqual([]); // prettier-ignore
    // 1 hour a day over 3 days is the 3 hours in total the record holds
    expect(wrong(scoreCourse(truth(), course()))).toEqual([]);
    const derived = course({ workload: { ...course().workload, totalDerived: true } });
    expect(wrong(scoreCourse(truth({ workload: { min: 3, max: 3, unit: 'hours total' } }), derived))).toEqual(['workload']); // prettier-ignore
  });

  it('compares the mode by its first words and counts a missing course as every stated field missed', () => {
    expect(wrong(scoreCourse(truth({ delivery_mode: 'in person' }), course()))).toEqual(['delivery mode']);
    const [score] = summarise([scoreCourse(truth(), null)]).filter((item) => item.field === 'title');
    expect(score).toMatchObject({ stated: 1, extracted: 0, right: 0, invented: 0 });
  });

  it('names the truth file and the field that is wrong', () => {
    expect(() => parseTruth({ url: 'https://x.example/', title: 'A', price: { amount: 5, currency: '$' } }, 'a.json')).toThrow(/a\.json: price\.currency: an ISO 4217 code/); // prettier-ignore
  });
});
