// Placeholder: replaced by the full normaliser (issue 3).
export interface NormalisedLevel {
  eqf?: number;
  label?: 'introductory' | 'intermediate' | 'advanced';
}

export function normaliseLevel(text: string | null | undefined): NormalisedLevel | null {
  if (!text) return null;
  const lower = text.toLowerCase();
  const result: NormalisedLevel = {};
  const eqf = /level\s*([1-8])\b/.exec(lower)?.[1];
  if (eqf) result.eqf = Number(eqf);
  if (/beginner|introduct|foundation/.test(lower)) result.label = 'introductory';
  else if (/intermediate/.test(lower)) result.label = 'intermediate';
  else if (/advanced/.test(lower)) result.label = 'advanced';
  return result.eqf || result.label ? result : null;
}
