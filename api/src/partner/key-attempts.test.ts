import { describe, expect, it } from 'vitest';
import { KeyAttempts } from './key-attempts.ts';

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('KeyAttempts', () => {
  it('turns an address away after the refused keys allowed, until its window ends', () => {
    const time = clock();
    const attempts = new KeyAttempts({ maxRefused: 3, windowMs: 60_000 }, time.now);
    attempts.refused('203.0.113.7');
    time.advance(10_000);
    attempts.refused('203.0.113.7');
    expect(attempts.waitFor('203.0.113.7')).toBe(0);
    attempts.refused('203.0.113.7');
    expect(attempts.waitFor('203.0.113.7')).toBe(50_000);
    expect(attempts.waitFor('198.51.100.1')).toBe(0);
    time.advance(50_000);
    expect(attempts.waitFor('203.0.113.7')).toBe(0);
    // a fresh window: one more refusal is not enough
    attempts.refused('203.0.113.7');
    expect(attempts.waitFor('203.0.113.7')).toBe(0);
  });

  it('remembers a bounded number of addresses, forgetting the oldest', () => {
    const time = clock();
    const attempts = new KeyAttempts({ maxRefused: 1, windowMs: 60_000 }, time.now);
    for (let n = 0; n < 10_000; n++) attempts.refused(`address-${n}`);
    expect(attempts.waitFor('address-0')).toBe(60_000);
    expect(attempts.waitFor('address-9999')).toBe(60_000);
    attempts.refused('one more');
    expect(attempts.waitFor('one more')).toBe(60_000);
    expect(attempts.waitFor('address-0')).toBe(0);
    expect(attempts.waitFor('address-1')).toBe(60_000);
  });
});
