import { describe, expect, it } from 'vitest';
import { warmUpFeedChecks } from './warm-up.ts';

describe('warming up the feed checks', () => {
  it('accepts every row of its sample with every fact normalised, so each normaliser has run', async () => {
    const rows = await warmUpFeedChecks();
    expect(rows.map((row) => row.problems)).toEqual([[], []]);
    const [welding, data] = rows.map((row) => JSON.parse(row.course!.json!));
    expect(welding).toMatchObject({
      duration: { minWeeks: 12, maxWeeks: 12 },
      workload: { hoursPerWeek: { min: 4, max: 6 } },
      cost: { amount: 1450, currency: 'GBP' },
      delivery: { mode: 'blended', pacing: 'scheduled' },
      location: { city: 'Leeds', region: 'West Yorkshire', country: 'GB' },
      level: { eqf: 4 },
      credit: { value: 15, system: 'CATS' },
      startDates: ['2027-01-11', '2027-04-12'],
      completeness: { score: 100 },
    });
    expect(data).toMatchObject({
      workload: { totalHours: { min: 40, max: 40 } },
      cost: { amount: 0, freeClass: 'free' },
      delivery: { mode: 'online', pacing: 'self_paced' },
      credential: { type: 'digital_badge' },
      completeness: { score: 100 },
    });
  });
});
