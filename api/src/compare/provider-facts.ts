import {
  fieldName,
  RATES_DATE,
  REFERENCE_CURRENCY,
  valueLabel,
  type ComparedValue,
  type ProviderComparison,
  type ProviderStatistics,
} from '@shortlist/schemas';
import { alignFacts } from './course-facts.ts';
import { money } from './format.ts';

const cell = (value: string | null, number: number | null = null): ComparedValue => ({
  value,
  number,
  said: null,
});

/** "Online 12; In person 3": most courses first. */
function counts(record: Record<string, number>, label: (key: string) => string): ComparedValue {
  const entries = Object.entries(record).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return cell(entries.length ? entries.map(([key, count]) => `${label(key)} ${count}`).join('; ') : null);
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

type Fact = [key: string, label: string, read: (provider: ProviderStatistics) => ComparedValue];

const FACTS: Fact[] = [
  ['name', 'Name', (provider) => cell(provider.name)],
  ['type', 'Type', (provider) => cell(valueLabel(provider.type))],
  ['country', 'Country', (provider) => cell(provider.country)],
  ['courseCount', 'Courses', (provider) => cell(String(provider.courseCount), provider.courseCount)],
  [
    'medianCost',
    `Median cost in ${REFERENCE_CURRENCY}`,
    ({ medianCost, pricedCourses }) =>
      cell(
        medianCost === null ? null : `${money(medianCost, REFERENCE_CURRENCY)} (of ${pricedCourses} priced)`,
        medianCost,
      ),
  ],
  ['fields', 'Fields of education', (provider) => counts(provider.fields, (code) => fieldName(code) ?? code)],
  ['modes', 'Delivery modes', (provider) => counts(provider.modes, valueLabel)],
  ['levels', 'Levels', (provider) => counts(provider.levels, valueLabel)],
  [
    'completeness',
    'Median critical information stated',
    ({ completeness }) => cell(completeness === null ? null : `${completeness}%`, completeness),
  ],
];

/** A row per critical fact: the share of each provider's courses that state it. */
function criticalFactRows(providers: readonly ProviderStatistics[]): Fact[] {
  return (providers[0]?.criticalFacts ?? []).map(({ key, name }) => [
    `states:${key}`,
    `Courses stating ${name}`,
    (provider) => {
      const share = provider.criticalFacts.find((fact) => fact.key === key)?.share ?? null;
      return share === null || provider.courseCount === 0 ? cell(null) : cell(percent(share), share);
    },
  ]);
}

/** Providers side by side: their statistics aligned, the differences flagged. */
export function compareProviders(providers: readonly ProviderStatistics[]): ProviderComparison {
  return {
    kind: 'providers',
    providers: [...providers],
    facts: alignFacts(providers, [...FACTS, ...criticalFactRows(providers)]),
    rates: { referenceCurrency: REFERENCE_CURRENCY, date: RATES_DATE },
  };
}
