import { firstTextOf } from '../linked-data/node-text.ts';
import type { SchemaNode } from '../linked-data/schema-org-node.ts';

export interface ScheduleFacts {
  duration?: string;
  workload?: string;
}

const FREQUENCY_UNITS: Record<string, string> = { d: 'day', w: 'week', m: 'month', y: 'year' };
const FREQUENCY_WORDS: Record<string, [number, string]> = {
  daily: [1, 'day'],
  weekly: [1, 'week'],
  fortnightly: [2, 'week'],
  biweekly: [2, 'week'],
  monthly: [1, 'month'],
  yearly: [1, 'year'],
  annually: [1, 'year'],
};

/**
 * A `Schedule` says how long each session lasts (`duration`), how often sessions repeat (`repeatFrequency`) and
 * how many there are (`repeatCount`): written out as "3 hours per week" and "10 weeks" for the normalisers.
 */
export function readSchedule(schedule: SchemaNode): ScheduleFacts {
  const session = firstTextOf(schedule, 'duration');
  const frequency = frequencyOf(firstTextOf(schedule, 'repeatFrequency'));
  const count = Number(firstTextOf(schedule, 'repeatCount'));
  const facts: ScheduleFacts = {};
  if (session && frequency) {
    const per = frequency.every === 1 ? frequency.unit : `${frequency.every} ${frequency.unit}s`;
    facts.workload = `${hoursText(session) ?? session} per ${per}`;
  }
  if (frequency && Number.isFinite(count) && count > 0) {
    const total = count * frequency.every;
    facts.duration = `${total} ${frequency.unit}${total === 1 ? '' : 's'}`;
  }
  return facts;
}

function frequencyOf(text: string | undefined): { every: number; unit: string } | undefined {
  if (!text) return undefined;
  const word = FREQUENCY_WORDS[text.trim().toLowerCase()];
  if (word) return { every: word[0], unit: word[1] };
  const iso = /^P(\d+)([DWMY])$/i.exec(text.trim());
  return iso ? { every: Number(iso[1]), unit: FREQUENCY_UNITS[iso[2]!.toLowerCase()]! } : undefined;
}

/** "PT1H30M" → "1.5 hours"; anything else is left to the caller. */
function hoursText(iso: string): string | undefined {
  const match = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+)M)?$/i.exec(iso.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const hours = Number(match[1] ?? 0) + Number(match[2] ?? 0) / 60;
  const rounded = Math.round(hours * 100) / 100;
  return `${rounded} hour${rounded === 1 ? '' : 's'}`;
}
