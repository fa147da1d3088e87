const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const DATES = new RegExp(
  [
    `\\b(\\d{4})-(\\d{2})-(\\d{2})`,
    `\\b${DAY}\\s+${MONTH},?\\s+(\\d{4})\\b`,
    `\\b${MONTH}\\s+${DAY},?\\s+(\\d{4})\\b`,
  ].join('|'),
  'gi',
);

/**
 * Start dates written on a page ("Starts: 3 March 2025 and 2 June 2025") as ISO dates, which is the only form
 * the catalogue keeps; a text with no full date (e.g. "Every Monday") is returned unchanged.
 */
export function readStartDates(text: string): string[] {
  const dates: string[] = [];
  for (const match of text.matchAll(DATES)) {
    const [year, month, day] = match[1]
      ? [match[1], Number(match[2]), Number(match[3])]
      : match[4]
        ? [match[6]!, MONTHS[match[5]!.slice(0, 3).toLowerCase()]!, Number(match[4])]
        : [match[9]!, MONTHS[match[7]!.slice(0, 3).toLowerCase()]!, Number(match[8])];
    const date = new Date(Date.UTC(Number(year), month - 1, day));
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) continue;
    dates.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  }
  return dates.length > 0 ? [...new Set(dates)] : [text];
}
