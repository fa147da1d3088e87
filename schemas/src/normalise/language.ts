// Placeholder: replaced by the full normaliser (issue 3).
const NAMES: Record<string, string> = { english: 'en', french: 'fr', français: 'fr', spanish: 'es', español: 'es', german: 'de', deutsch: 'de' };

export function normaliseLanguage(text: string | null | undefined): string | null {
  if (!text) return null;
  const lower = text.trim().toLowerCase();
  if (/^[a-z]{2}(-[a-z]{2})?$/.test(lower)) return lower.slice(0, 2);
  return NAMES[lower] ?? null;
}
