const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface HostSlot {
  /** resolves when the request ahead of the last one queued has finished */
  tail: Promise<void>;
  /** earliest time the next request may start */
  readyAt: number;
  waiting: number;
}

/**
 * One request at a time per host, each starting at least `delayMs` after the previous one ended.
 * Shared by every crawl in the process, so two sources on one host still take turns.
 */
export class HostGate {
  private readonly slots = new Map<string, HostSlot>();

  async run<T>(host: string, delayMs: number, request: () => Promise<T>): Promise<T> {
    let slot = this.slots.get(host);
    if (!slot) {
      slot = { tail: Promise.resolve(), readyAt: 0, waiting: 0 };
      this.slots.set(host, slot);
    }
    const ahead = slot.tail;
    let release!: () => void;
    slot.tail = new Promise((resolve) => (release = resolve));
    slot.waiting++;
    try {
      await ahead;
      const wait = slot.readyAt - Date.now();
      if (wait > 0) await sleep(wait);
      return await request();
    } finally {
      slot.readyAt = Math.max(slot.readyAt, Date.now() + delayMs);
      slot.waiting--;
      release();
      if (slot.waiting === 0 && slot.readyAt <= Date.now()) this.slots.delete(host);
    }
  }

  /** The host asked us to back off (429/503 with Retry-After). */
  pause(host: string, ms: number): void {
    const slot = this.slots.get(host);
    if (slot) slot.readyAt = Math.max(slot.readyAt, Date.now() + ms);
    else this.slots.set(host, { tail: Promise.resolve(), readyAt: Date.now() + ms, waiting: 0 });
  }
}
