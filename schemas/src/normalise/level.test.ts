import { describe, expect, it } from 'vitest';
import { normaliseLevel, type NormalisedLevel } from './level.ts';

/** [text, provider country, expected] */
const rows: [string, string | undefined, NormalisedLevel | null][] = [
  // EQF and frameworks referenced 1:1 to it
  ['EQF level 5', undefined, { eqf: 5 }],
  ['EQF Level 6', undefined, { eqf: 6 }],
  ['EQF 4', undefined, { eqf: 4 }],
  ['EQF5', undefined, { eqf: 5 }],
  ['Level 7 (EQF)', undefined, { eqf: 7 }],
  ['Niveau EQF 5', undefined, { eqf: 5 }],
  ['CEC niveau 6', undefined, { eqf: 6 }],
  ['MEC nivel 5', undefined, { eqf: 5 }],
  ['EQR-Niveau 6', undefined, { eqf: 6 }],
  ['DQR-Niveau 6', 'DE', { eqf: 6 }],
  ['QEQ nível 4', undefined, { eqf: 4 }],
  ['EQF level 9', undefined, null],
  // UK RQF / NQF / FHEQ, SCQF, Ireland NFQ
  ['RQF Level 3', undefined, { eqf: 4 }],
  ['Level 3', 'GB', { eqf: 4 }],
  ['Level 5', 'GB', { eqf: 5 }],
  ['Level 4', 'GB', { eqf: 5 }],
  ['Level 6', 'GB', { eqf: 6 }],
  ['Level 7 Diploma', 'GB', { eqf: 7 }],
  ['NQF Level 2', undefined, { eqf: 3 }],
  ['Ofqual Level 2', undefined, { eqf: 3 }],
  ['Level 5 (RQF)', undefined, { eqf: 5 }],
  ['FHEQ level 7', undefined, { eqf: 7 }],
  ['Entry Level 3', 'GB', { eqf: 1, label: 'introductory' }],
  ['SCQF level 7', undefined, { eqf: 5 }],
  ['SCQF Level 11', undefined, { eqf: 7 }],
  ['NFQ Level 6', undefined, { eqf: 5 }],
  ['NFQ Level 9', undefined, { eqf: 7 }],
  ['Level 8', 'IE', { eqf: 6 }],
  // Australia / New Zealand
  ['AQF Level 5', undefined, { eqf: 5 }],
  ['AQF Level 8', undefined, { eqf: 7 }],
  ['AQF 10', undefined, { eqf: 8 }],
  ['Level 7', 'AU', { eqf: 6 }],
  ['NZQF Level 4', undefined, { eqf: 4 }],
  ['Certificate III in Individual Support', 'AU', { eqf: 4 }],
  ['Certificate IV in Training and Assessment', 'AU', { eqf: 4 }],
  ['Cert II', undefined, { eqf: 3 }],
  // bare levels elsewhere read as EQF
  ['Level 5', undefined, { eqf: 5 }],
  ['Level 5', 'DE', { eqf: 5 }],
  ['Level 12', undefined, null],
  // cycles
  ['Postgraduate', undefined, { eqf: 7 }],
  ["Master's level", undefined, { eqf: 7 }],
  ['Graduate Certificate', 'AU', { eqf: 7 }],
  ['Undergraduate', undefined, { eqf: 6 }],
  ['Undergraduate, introductory', undefined, { eqf: 6, label: 'introductory' }],
  ['Doctoral', undefined, { eqf: 8 }],
  ['HNC', 'GB', { eqf: 5 }],
  // difficulty words
  ['Beginner', undefined, { label: 'introductory' }],
  ['Beginners', undefined, { label: 'introductory' }],
  ['Novice', undefined, { label: 'introductory' }],
  ['Foundation', undefined, { label: 'introductory' }],
  ['Entry-level', undefined, { label: 'introductory' }],
  ['Introductory', undefined, { label: 'introductory' }],
  ['Introduction', undefined, { label: 'introductory' }],
  ['Fundamentals', undefined, { label: 'introductory' }],
  ['Basic', undefined, { label: 'introductory' }],
  ['No prior experience required', undefined, { label: 'introductory' }],
  ['Intermediate', undefined, { label: 'intermediate' }],
  ['Level: Intermediate', undefined, { label: 'intermediate' }],
  ['Upper-intermediate', undefined, { label: 'intermediate' }],
  ['Some experience needed', undefined, { label: 'intermediate' }],
  ['Advanced', undefined, { label: 'advanced' }],
  ['Expert', undefined, { label: 'advanced' }],
  ['Advanced (EQF 7)', undefined, { eqf: 7, label: 'advanced' }],
  ['Beginner to intermediate', undefined, { label: 'introductory' }],
  ['Intermediate–Advanced', undefined, { label: 'intermediate' }],
  ['Level 1 – Beginner', undefined, { eqf: 1, label: 'introductory' }],
  // other languages and CEFR
  ['Débutant', undefined, { label: 'introductory' }],
  ['Intermédiaire', undefined, { label: 'intermediate' }],
  ['Avancé', undefined, { label: 'advanced' }],
  ['Principiante', undefined, { label: 'introductory' }],
  ['Intermedio', undefined, { label: 'intermediate' }],
  ['Avanzado', undefined, { label: 'advanced' }],
  ['Einsteiger', undefined, { label: 'introductory' }],
  ['Grundlagen', undefined, { label: 'introductory' }],
  ['Fortgeschrittene', undefined, { label: 'advanced' }],
  ['Iniciante', undefined, { label: 'introductory' }],
  ['Intermediário', undefined, { label: 'intermediate' }],
  ['Avançado', undefined, { label: 'advanced' }],
  ['CEFR A2', undefined, { label: 'introductory' }],
  ['B2', undefined, { label: 'intermediate' }],
  ['C1', undefined, { label: 'advanced' }],
  // nothing to read
  ['All levels', undefined, null],
  ['Open to everyone', undefined, null],
  ['', undefined, null],
  ['TBC', undefined, null],
];

describe('normaliseLevel', () => {
  it.each(rows)('%j (country %s)', (text, country, expected) => {
    expect(normaliseLevel(text, { country })).toEqual(expected);
  });

  it('returns null for values that are not text', () => {
    expect(normaliseLevel(undefined)).toBeNull();
    expect(normaliseLevel([] as unknown as string)).toBeNull();
  });
});
