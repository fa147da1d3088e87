import { expect, it } from 'vitest';
import { normaliseStackable } from './stackable.ts';

it.each([
  ['10 ECTS, stackable towards an MSc', true],
  ['Stackable micro-credential', true],
  ['15 credits that count towards the MSc Data Science', true],
  ['Credits can be stacked into a postgraduate diploma', true],
  ['Leads to a full degree', true],
  ['Progresses to the BSc (Hons)', true],
  ['Credit towards a qualification', true],
  ['Non-stackable', false],
  ['not stackable', false],
  ['A standalone certificate of completion', false],
  ['Does not count towards a degree', false],
  ['These credits are not credit-bearing', false],
  ['5 ECTS', null],
  ['Certificate', null],
  ['Towards a better career', null],
  ['', null],
  [null, null],
])('"%s" → %s', (text, expected) => {
  expect(normaliseStackable(text)).toBe(expected);
});
