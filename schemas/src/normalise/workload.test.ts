import { describe, expect, it } from 'vitest';
import { normaliseWorkload, type NormalisedWorkload } from './workload.ts';

const perWeek = (min: number, max = min): NormalisedWorkload => ({
  hoursPerWeek: { min, max },
  totalHours: null,
});
const total = (min: number, max = min): NormalisedWorkload => ({
  hoursPerWeek: null,
  totalHours: { min, max },
});
const both = (week: [number, number], hours: [number, number]): NormalisedWorkload => ({
  hoursPerWeek: { min: week[0], max: week[1] },
  totalHours: { min: hours[0], max: hours[1] },
});

const rows: [string, NormalisedWorkload | null][] = [
  // hours per week
  ['5 hours per week', perWeek(5)],
  ['15–20 hours a week', perWeek(15, 20)],
  ['2-4 hours per week', perWeek(2, 4)],
  ['3 to 5 hours per week', perWeek(3, 5)],
  ['Three to four hours per week', perWeek(3, 4)],
  ['an hour a week', perWeek(1)],
  ['5 hrs/week', perWeek(5)],
  ['5h/week', perWeek(5)],
  ['10-15 hrs/wk', perWeek(10, 15)],
  ['3 hrs weekly', perWeek(3)],
  ['4 hours weekly', perWeek(4)],
  ['6 hours each week', perWeek(6)],
  ['Effort: 4–6 hours per week', perWeek(4, 6)],
  ['Weekly effort: 3 hours', perWeek(3)],
  ['Weekly study time 5 hours', perWeek(5)],
  ['Hours per week: 5', perWeek(5)],
  ['At least 5 hours per week', perWeek(5)],
  ['Full-time (35 hours per week)', perWeek(35)],
  ['5 hours of study per week', perWeek(5)],
  ['2 x 3 hours per week', perWeek(6)],
  ['90 minutes per week', perWeek(1.5)],
  ['1.5 hours per week', perWeek(1.5)],
  ['2,5 Stunden pro Woche', perWeek(2.5)],
  ['3–5 hours per week, up to 8 hours per week in assessment weeks', perWeek(3, 8)],
  // per day and per month
  ['3 hours a day', perWeek(15)],
  ['2 hours per day, 3 days a week', perWeek(6)],
  ['45 mins/day', perWeek(3.75)],
  ['7 hours per day for 5 days', both([35, 35], [35, 35])],
  ['8 hours per month', perWeek(1.85)],
  ['10 hours a month', perWeek(2.31)],
  // total hours
  ['Approx. 40 hours', total(40)],
  ['40 hours total', total(40)],
  ['Total: 40 hours', total(40)],
  ['Total hours: 40', total(40)],
  ['40 hours of learning', total(40)],
  ['40 learning hours', total(40)],
  ['120 guided learning hours', total(120)],
  ['40 clock hours', total(40)],
  ['24 contact hours', total(24)],
  ['Approximately 12 hours to complete', total(12)],
  ['12-15 hours', total(12, 15)],
  ['1 hour 30 minutes', total(1.5)],
  ['1h30', total(1.5)],
  ['45 minutes', total(0.75)],
  ['40 hours total, including 12 contact hours', total(40)],
  ['30 contact hours and 70 self-study hours', total(70)],
  ['150 hours (TQT), 60 guided learning hours', total(150)],
  ['3 hours per week, 30 hours in total', both([3, 3], [30, 30])],
  ['Total time commitment: 3 hours per week', perWeek(3)],
  // ISO 8601
  ['PT40H', total(40)],
  ['PT1H30M', total(1.5)],
  ['PT5H per week', perWeek(5)],
  ['P6W', null],
  // credits: ECTS 25–30 h each, UK credits 10 h each
  ['5 ECTS', total(125, 150)],
  ['ECTS: 6', total(150, 180)],
  ['7,5 ECTS credits', total(187.5, 225)],
  ['7.5 ECTS', total(187.5, 225)],
  ['6 credits (ECTS)', total(150, 180)],
  ['5 ECTS (125–150 hours)', total(125, 150)],
  ['4 ECTS, 100 hours', total(100)],
  ['10 CATS credits', total(100)],
  ['15 credits (SCQF)', total(150)],
  ['0 ECTS', null],
  ['3 credits', null],
  ['3 credit hours', null],
  // combined strings and other languages
  ['6 weeks, 3–5 hours per week', perWeek(3, 5)],
  ['5 hours per week for 6 weeks', perWeek(5)],
  ['4 horas por semana', perWeek(4)],
  ['3 heures par semaine', perWeek(3)],
  ['5 Stunden pro Woche', perWeek(5)],
  ['20 horas', total(20)],
  // not workload
  ['', null],
  ['Part-time', null],
  ['Flexible hours', null],
  ['24/7 access', null],
  ['Response within 48 hours', null],
  ['Access for 24 hours', null],
  ['2 hours per session', null],
  ['6 weeks', null],
  ['TBC', null],
];

describe('normaliseWorkload', () => {
  it.each(rows)('%j', (text, expected) => {
    expect(normaliseWorkload(text)).toEqual(expected);
  });

  it('reads an unlabelled figure as weekly when the source says its field is weekly', () => {
    expect(normaliseWorkload('PT5H', { per: 'week' })).toEqual(perWeek(5));
    expect(normaliseWorkload('4-6', { per: 'week' })).toBeNull();
    expect(normaliseWorkload('Hours: 4', { per: 'week' })).toEqual(perWeek(4));
    expect(normaliseWorkload('40 hours total', { per: 'week' })).toEqual(total(40));
  });

  it('returns null for values that are not text', () => {
    expect(normaliseWorkload(null)).toBeNull();
    expect(normaliseWorkload({} as unknown as string)).toBeNull();
  });
});
