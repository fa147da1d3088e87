// Placeholder: replaced by the full normaliser (issue 3).
export interface NormalisedDuration {
  minWeeks: number | null;
  maxWeeks: number | null;
  selfPaced: boolean;
}

const UNIT_WEEKS: Record<string, number> = { day: 1 / 7, week: 1, month: 52 / 12, year: 52 };

export function normaliseDuration(text: string | null | undefined): NormalisedDuration | null {
  if (!text) return null;
  const lower = text.toLowerCase();
  const selfPaced = /self[- ]paced|own pace/.test(lower);
  const match = /(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*(day|week|month|year)s?/.exec(lower);
  if (!match) return selfPaced ? { minWeeks: null, maxWeeks: null, selfPaced } : null;
  const factor = UNIT_WEEKS[match[3]!]!;
  const min = Number(match[1]) * factor;
  const max = Number(match[2] ?? match[1]) * factor;
  return { minWeeks: round(min), maxWeeks: round(max), selfPaced };
}

const round = (value: number) => Math.round(value * 10) / 10;
