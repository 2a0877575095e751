// Lag of each link over the last hour, kept in the page from polling GET /links: one fixed-size ring
// buffer per link, oldest samples overwritten. Lost on reload (the service keeps no lag history).

export const WINDOW_MS = 60 * 60 * 1000;
const CAPACITY = 1440; // an hour at one sample every 2.5 s, the fastest any screen polls

class Ring {
  constructor(capacity) {
    this.items = new Array(capacity);
    this.next = 0;
    this.size = 0;
  }

  push(item) {
    this.items[this.next] = item;
    this.next = (this.next + 1) % this.items.length;
    this.size = Math.min(this.size + 1, this.items.length);
  }

  /** Oldest first. */
  toArray() {
    const start = (this.next - this.size + this.items.length) % this.items.length;
    return Array.from({ length: this.size }, (_, i) => this.items[(start + i) % this.items.length]);
  }
}

export class LagHistory {
  constructor() {
    this.rings = new Map();
    this.listeners = new Set();
  }

  /** Adds one sample per link of a GET /links answer taken at {@code now} (ms). */
  record(links, now) {
    for (const link of links || []) {
      const status = link.status || {};
      if (!this.rings.has(link.id)) this.rings.set(link.id, new Ring(CAPACITY));
      this.rings.get(link.id).push({
        t: now,
        seconds: toNumber(status.lagSeconds),
        transactions: toNumber(status.lagTransactions),
        state: status.state || 'UNKNOWN',
      });
    }
    for (const listener of this.listeners) listener();
  }

  linkIds() {
    return [...this.rings.keys()].sort();
  }

  /** The samples of the last hour before {@code now}, oldest first. */
  samples(id, now) {
    const ring = this.rings.get(id);
    return ring ? ring.toArray().filter((x) => x.t > now - WINDOW_MS) : [];
  }

  onChange(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function toNumber(value) {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
}
