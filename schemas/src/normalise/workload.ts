// Placeholder: replaced by the full normaliser (issue 3).
import type { Range } from '../course.ts';

export interface NormalisedWorkload {
  hoursPerWeek: Range | null;
  totalHours: Range | null;
}

export function normaliseWorkload(text: string | null | undefined): NormalisedWorkload | null {
  if (!text) return null;
  const lower = text.toLowerCase();
  const match = /(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*(?:hours?|hrs?)/.exec(lower);
  if (!match) return null;
  const range = { min: Number(match[1]), max: Number(match[2] ?? match[1]) };
  if (/per week|a week|\/\s*week|weekly/.test(lower)) return { hoursPerWeek: range, totalHours: null };
  return { hoursPerWeek: null, totalHours: range };
}
