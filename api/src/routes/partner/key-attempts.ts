import { isIPv6 } from 'node:net';
import { plainAddress } from './trusted-proxies.ts';

/** How many refused partner keys one address may send, and for how long it is then turned away. */
export interface KeyAttemptLimit {
  maxRefused: number;
  windowMs: number;
}

interface Tally {
  refused: number;
  since: number;
  /** 0 until the address has sent `maxRefused` wrong keys within the window */
  lockedUntil: number;
}

/** Addresses remembered at most; past it, the longest-known tally is forgotten. */
const MAX_ADDRESSES = 10_000;

/**
 * Counts refused partner keys per client address. An address that sends `maxRefused` of them within `windowMs` is
 * turned away, its right key too, for `windowMs` from the last one. Checks from one address run one at a time, so
 * parallel guesses are counted too: guessing stops paying, and nobody can keep the server busy with key checks,
 * each of which costs a deliberately slow hash.
 */
export class KeyAttempts {
  private readonly tallies = new Map<string, Tally>();
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(
    readonly limit: KeyAttemptLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `address` may send a key again; 0 when it may now. */
  waitFor(address: string): number {
    const tally = this.current(clientKey(address));
    return tally ? Math.max(0, tally.lockedUntil - this.now()) : 0;
  }

  refused(address: string): void {
    const key = clientKey(address);
    let tally = this.current(key);
    if (!tally) {
      if (this.tallies.size >= MAX_ADDRESSES) this.tallies.delete(this.tallies.keys().next().value!);
      tally = { refused: 0, since: this.now(), lockedUntil: 0 };
      this.tallies.set(key, tally);
    }
    if (++tally.refused >= this.limit.maxRefused) {
      tally.lockedUntil = this.now() + this.limit.windowMs;
      tally.refused = 0;
      tally.since = this.now();
    }
  }

  /** Runs `check` after every earlier check from the same address has finished. */
  inTurn<T>(address: string, check: () => Promise<T>): Promise<T> {
    const key = clientKey(address);
    // what is kept never fails, so the next check always runs
    const turn = (this.turns.get(key) ?? Promise.resolve()).then(check);
    const forget = () => {
      if (this.turns.get(key) === done) this.turns.delete(key);
    };
    const done: Promise<void> = turn.then(forget, forget);
    this.turns.set(key, done);
    return turn;
  }

  private current(key: string): Tally | undefined {
    const tally = this.tallies.get(key);
    const now = this.now();
    if (tally && now >= tally.lockedUntil && now - tally.since >= this.limit.windowMs) {
      this.tallies.delete(key);
      return undefined;
    }
    return tally;
  }
}

/**
 * What one client is counted as: the address without a port, an IPv4-mapped IPv6 address as IPv4, and an IPv6
 * address by its /64 network, which one subscriber can fill with addresses of its own.
 */
export function clientKey(address: string): string {
  const host = plainAddress(address);
  if (!isIPv6(host)) return host.toLowerCase();
  const [head = '', tail = ''] = host.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
