import { describe, expect, it } from 'vitest';
import { clientKey, KeyAttempts } from './key-attempts.ts';

/** A limit of `maxRefused` wrong keys a minute, on a clock the test moves. */
function limited(maxRefused: number) {
  let now = 1_000_000;
  const attempts = new KeyAttempts({ maxRefused, windowMs: 60_000 }, () => now);
  return { attempts, advance: (ms: number) => (now += ms) };
}

describe('KeyAttempts', () => {
  it('turns an address away for the whole window after its last allowed wrong key', () => {
    const { attempts, advance } = limited(3);
    attempts.refused('203.0.113.7');
    advance(50_000);
    attempts.refused('203.0.113.7');
    expect(attempts.waitFor('203.0.113.7')).toBe(0);
    attempts.refused('203.0.113.7');
    expect(attempts.waitFor('203.0.113.7')).toBe(60_000);
    expect(attempts.waitFor('198.51.100.1')).toBe(0);
    advance(59_999);
    expect(attempts.waitFor('203.0.113.7')).toBe(1);
    advance(1);
    expect(attempts.waitFor('203.0.113.7')).toBe(0);
    // a fresh count: one more wrong key is not enough
    attempts.refused('203.0.113.7');
    expect(attempts.waitFor('203.0.113.7')).toBe(0);
  });

  it('forgets wrong keys older than the window', () => {
    const { attempts, advance } = limited(2);
    attempts.refused('203.0.113.7');
    advance(60_000);
    attempts.refused('203.0.113.7');
    expect(attempts.waitFor('203.0.113.7')).toBe(0);
  });

  it('counts a port, an IPv4-mapped address and addresses of one IPv6 /64 as one client', () => {
    const { attempts } = limited(3);
    attempts.refused('203.0.113.7:50123');
    attempts.refused('::ffff:203.0.113.7');
    attempts.refused('203.0.113.7');
    expect(attempts.waitFor('203.0.113.7')).toBe(60_000);
    attempts.refused('2001:db8:1:2::1');
    attempts.refused('[2001:db8:1:2:ffff::9]:443');
    attempts.refused('2001:DB8:1:2:aaaa:bbbb:cccc:dddd');
    expect(attempts.waitFor('2001:db8:1:2::77')).toBe(60_000);
    expect(attempts.waitFor('2001:db8:1:3::1')).toBe(0);
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });

  it('runs the checks of one address one at a time, and those of different addresses side by side', async () => {
    const attempts = new KeyAttempts({ maxRefused: 3, windowMs: 60_000 });
    const events: string[] = [];
    let endA1 = () => {};
    const a1Ends = new Promise<void>((resolve) => (endA1 = resolve));
    const check =
      (name: string, until: Promise<void> = Promise.resolve()) =>
      async () => {
        events.push(`${name} starts`);
        await until;
        events.push(`${name} ends`);
        return name;
      };
    const results = Promise.all([
      attempts.inTurn('203.0.113.7', check('a1', a1Ends)),
      attempts.inTurn('198.51.100.1', check('b1')),
      attempts.inTurn('203.0.113.7:1234', check('a2')),
    ]);
    // while a1 runs, b1 (another address) runs and ends; a2 (the same address) waits its turn
    await expect.poll(() => events).toContain('b1 ends');
    expect(events).not.toContain('a2 starts');
    endA1();
    expect(await results).toEqual(['a1', 'b1', 'a2']);
    expect(events.indexOf('a2 starts')).toBeGreaterThan(events.indexOf('a1 ends'));
  });

  it('remembers a bounded number of addresses, forgetting the longest-known', () => {
    const { attempts } = limited(1);
    for (let n = 0; n < 10_000; n++) attempts.refused(`address-${n}`);
    expect(attempts.waitFor('address-0')).toBe(60_000);
    expect(attempts.waitFor('address-9999')).toBe(60_000);
    attempts.refused('one more');
    expect(attempts.waitFor('one more')).toBe(60_000);
    expect(attempts.waitFor('address-0')).toBe(0);
    expect(attempts.waitFor('address-1')).toBe(60_000);
  });
});
