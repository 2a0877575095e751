// Lag of each link over the last hour, as the service samples it (GET /links/history): the service keeps
// the history, so the charts show the last hour as soon as the page opens. The page asks only for the
// samples newer than the last one it has, and keeps one fixed-size ring per link.

export const WINDOW_MS = 60 * 60 * 1000;
const CAPACITY = 7200; // an hour at one sample every 0.5 s, the shortest history interval worth setting

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

  last() {
    return this.size === 0 ? null : this.items[(this.next - 1 + this.items.length) % this.items.length];
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
    this.latest = 0;
    this.intervalMs = null;
  }

  /** Adds the samples of a GET /links/history answer (those newer than what the page has). */
  load(body) {
    this.intervalMs = body.intervalMillis || this.intervalMs;
    for (const [id, samples] of Object.entries(body.links || {})) {
      if (!this.rings.has(id)) this.rings.set(id, new Ring(CAPACITY));
      const ring = this.rings.get(id);
      for (const x of samples) {
        const last = ring.last();
        if (last && x.t <= last.t) continue;
        ring.push({
          t: x.t,
          seconds: toNumber(x.lagSeconds),
          transactions: toNumber(x.lagTransactions),
          state: x.stale ? 'STALE' : x.state || 'UNKNOWN',
        });
        this.latest = Math.max(this.latest, x.t);
      }
    }
    for (const listener of this.listeners) listener();
  }

  /** The path of the next incremental request. */
  nextRequest() {
    return `/links/history?after=${this.latest}`;
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
