import { fieldName, languageLabel, valueLabel, type SearchParams } from '@shortlist/schemas';

/** Facet name in the API → attribute in the index. */
export const FACETS = {
  field: 'fields',
  mode: 'mode',
  pacing: 'pacing',
  level: 'levelLabel',
  credential: 'credentialType',
  language: 'languages',
  freeClass: 'freeClass',
  providerType: 'providerType',
} as const;
export type FacetName = keyof typeof FACETS;

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** Which values of a facet to show, and how to name them. */
function present(
  name: FacetName,
  params: SearchParams,
): { keep: (value: string) => boolean; label: (value: string) => string } {
  if (name === 'field') {
    // Broad fields; narrower ones inside the field being filtered on.
    const depth = params.field ? params.field.length + 1 : 2;
    return {
      keep: (code) => code.length === depth && (!params.field || code.startsWith(params.field)),
      label: (code) => fieldName(code) ?? code,
    };
  }
  if (name === 'language') return { keep: (code) => !code.includes('-'), label: languageLabel };
  return { keep: () => true, label: valueLabel };
}

export function facetValues(
  distribution: Record<string, Record<string, number>> | undefined,
  params: SearchParams,
): Record<FacetName, FacetValue[]> {
  const entries = Object.entries(FACETS).map(([name, attribute]) => {
    const { keep, label } = present(name as FacetName, params);
    const values = Object.entries(distribution?.[attribute] ?? {})
      .filter(([value]) => keep(value))
      .map(([value, count]) => ({ value, label: label(value), count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return [name, values];
  });
  return Object.fromEntries(entries) as Record<FacetName, FacetValue[]>;
}
