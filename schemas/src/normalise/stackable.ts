const NOT_STACKABLE =
  /\b(?:not|non)[- ]?stackable\b|\bstand[- ]?alone\b|\b(?:does not|doesn't|will not|won't|cannot|can't) (?:count|lead|be stacked|contribute)\b|\bnot credit[- ]bearing\b/i;
const STACKABLE =
  /\bstackable\b|\bcan be stacked\b|\b(?:counts?|credit(?:ed)?|contributes?|leads?|progress(?:es)?|stacks?) (?:in)?to(?:wards?)? (?:an? |the |your )?(?:full |larger |further )?(?:degree|masters?|master's|msc|mba|ma|bachelors?|bachelor's|bsc|ba|diploma|qualification|award|programme|program)\b/i;

/**
 * Whether a course counts towards a larger qualification, from what its credit or credential text says:
 * "10 ECTS, stackable towards an MSc" → true, "a standalone certificate" → false, silence → null.
 */
export function normaliseStackable(text: string | null | undefined): boolean | null {
  if (typeof text !== 'string' || !text) return null;
  const source = text.slice(0, 2000);
  if (NOT_STACKABLE.test(source)) return false;
  return STACKABLE.test(source) ? true : null;
}
