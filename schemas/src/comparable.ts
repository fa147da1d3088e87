import type { Course } from './course.ts';

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * What an hour of study costs in the reference currency: the reference cost over the middle of the stated
 * total workload. Null when the cost or the workload is not known. Searches sort by it; comparisons show it.
 */
export function costPerWorkloadHour(course: Pick<Course, 'cost' | 'workload'>): number | null {
  const cost = course.cost.reference?.amount ?? null;
  const hours = course.workload.totalHours;
  if (cost === null || !hours) return null;
  const middle = (hours.min + hours.max) / 2;
  return middle > 0 ? round2(cost / middle) : null;
}

/** What one credit costs in the reference currency: the reference cost over the credits awarded, in their system. */
export function costPerCredit(course: Pick<Course, 'cost' | 'credit'>): number | null {
  const cost = course.cost.reference?.amount ?? null;
  const credits = course.credit.value;
  return cost === null || !credits ? null : round2(cost / credits);
}
