/** A Content-Disposition that saves the answer as a file named after what it holds and the day: `shortlist-search-2026-12-02.csv`. */
export function attachment(name: string, day: Date, extension: 'csv' | 'json'): string {
  return `attachment; filename="${name}-${day.toISOString().slice(0, 10)}.${extension}"`;
}
