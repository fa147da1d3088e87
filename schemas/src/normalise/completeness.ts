// Placeholder: replaced by the full assessment (issue 3).
import type { Course } from '../course.ts';

type Facts = Omit<Course, 'completeness'>;

const CHECKS: [string, (course: Facts) => boolean][] = [
  ['title', (c) => Boolean(c.title)],
  ['learning outcomes', (c) => c.learningOutcomes.length > 0],
  ['workload', (c) => c.workload.hoursPerWeek !== null || c.workload.totalHours !== null],
  ['level', (c) => c.level.eqf !== null || c.level.label !== null],
  ['cost', (c) => c.cost.freeClass !== 'unknown'],
  ['duration', (c) => c.duration.minWeeks !== null || c.duration.selfPaced],
  ['delivery mode', (c) => c.delivery.mode !== null],
];

export function assessCompleteness(course: Facts): { score: number; missing: string[] } {
  const missing = CHECKS.filter(([, present]) => !present(course)).map(([name]) => name);
  return { score: Math.round((100 * (CHECKS.length - missing.length)) / CHECKS.length), missing };
}
