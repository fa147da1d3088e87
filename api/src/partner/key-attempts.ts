/** How many refused partner keys one address may send, and for how long it is then turned away. */
export interface KeyAttemptLimit {
  maxRefused: number;
  windowMs: number;
}

interface Tally {
  refused: number;
  since: number;
}

/** Addresses remembered at most; past it, the oldest tally (the first to lapse) is forgotten. */
const MAX_ADDRESSES = 10_000;

/**
 * Counts refused partner keys per client address. An address that sends `maxRefused` of them within `windowMs`
 * is turned away, its right key too, until the window ends: guessing keys stops paying, and nobody can keep the
 * server busy with key checks, each of which costs a deliberately slow hash.
 */
export class KeyAttempts {
  private readonly tallies = new Map<string, Tally>();

  constructor(
    readonly limit: KeyAttemptLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `address` may send a key again; 0 when it may now. */
  waitFor(address: string): number {
    const tally = this.current(address);
    if (!tally || tally.refused < this.limit.maxRefused) return 0;
    return tally.since + this.limit.windowMs - this.now();
  }

  refused(address: string): void {
    const tally = this.current(address);
    if (tally) {
      tally.refused++;
      return;
    }
    if (this.tallies.size >= MAX_ADDRESSES) this.tallies.delete(this.tallies.keys().next().value!);
    this.tallies.set(address, { refused: 1, since: this.now() });
  }

  private current(address: string): Tally | undefined {
    const tally = this.tallies.get(address);
    if (tally && this.now() - tally.since >= this.limit.windowMs) {
      this.tallies.delete(address);
      return undefined;
    }
    return tally;
  }
}
