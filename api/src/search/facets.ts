import type { CountLimits } from '@shortlist/indexer';
import {
  fieldName,
  languageLabel,
  valueLabel,
  type Facet,
  type FacetName,
  type SearchParams,
} from '@shortlist/schemas';

const FIELD_LEVELS = { 2: 'broadFields', 3: 'narrowFields', 4: 'detailedFields' } as const;

/** What a facet counts: the index attribute, and (for fields) the codes to list. */
export function facetSource(name: FacetName, params: SearchParams): { attribute: string; prefix: string } {
  if (name === 'field') {
    // Broad fields; the narrower ones inside a field when exactly one is chosen.
    const chosen = params.field?.length === 1 ? params.field[0]! : '';
    const depth = Math.min(chosen.length + 1, 4) as 3 | 4;
    return chosen ? { attribute: FIELD_LEVELS[depth], prefix: chosen.slice(0, depth - 1) } : { attribute: 'broadFields', prefix: '' }; // prettier-ignore
  }
  const attributes = {
    mode: 'mode',
    pacing: 'pacing',
    level: 'levelLabel',
    credential: 'credentialType',
    language: 'baseLanguages',
    freeClass: 'freeClass',
    providerType: 'providerType',
    city: 'city',
  } as const;
  return { attribute: attributes[name], prefix: '' };
}

function label(name: FacetName, value: string): string {
  if (name === 'field') return fieldName(value) ?? value;
  if (name === 'language') return languageLabel(value);
  return valueLabel(value);
}

/**
 * A facet's values from Meilisearch's distribution of its attribute, most courses first. The index returns one
 * value more than a facet lists, sorted by count: when it does, the facet says more values exist.
 */
export function facetFrom(
  name: FacetName,
  params: SearchParams,
  distribution: Record<string, number> | undefined,
  { facetValues }: CountLimits,
): Facet {
  const { prefix } = facetSource(name, params);
  const counted = Object.entries(distribution ?? {});
  const chosen = new Set<string>(params[name] ?? []);
  const values = counted
    .filter(([value]) => value.startsWith(prefix))
    .map(([value, count]) => ({ value, label: label(name, value), count, selected: chosen.has(value) }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, facetValues);
  return { values, more: counted.length > facetValues };
}
