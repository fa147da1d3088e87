import type { Course, HistoryEntry } from '@shortlist/schemas';

export type { HistoryEntry };

const TRACKED = {
  cost: (course: Course) => ({
    amount: course.cost.amount,
    currency: course.cost.currency,
    freeClass: course.cost.freeClass,
  }),
  startDates: (course: Course) => course.startDates,
  duration: (course: Course) => ({ minWeeks: course.duration.minWeeks, maxWeeks: course.duration.maxWeeks }),
  status: (course: Course) => course.status,
} satisfies Record<HistoryEntry['field'], (course: Course) => unknown>;

/** The tracked facts that differ between two versions of a listing; a new listing records its first price. */
export function historyEntries(before: Course | undefined, after: Course, at: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const [field, read] of Object.entries(TRACKED) as [
    HistoryEntry['field'],
    (course: Course) => unknown,
  ][]) {
    const next = read(after);
    if (!before) {
      if (field === 'cost') entries.push({ at, field, old: null, new: next });
      continue;
    }
    const previous = read(before);
    if (JSON.stringify(previous) !== JSON.stringify(next))
      entries.push({ at, field, old: previous, new: next });
  }
  return entries;
}
