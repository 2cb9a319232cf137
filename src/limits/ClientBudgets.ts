import { RateLimitedError } from '../errors';

export interface ClientBudgetOptions {
  /** Requests one client may have in flight (0: no limit). */
  readonly maxConcurrent: number;
  /** Cost points one client may spend per minute (0: no limit); the bucket holds one minute's worth. */
  readonly costPerMinute: number;
  /** Clients tracked at most; the idle ones with full buckets are forgotten first. */
  readonly maxClients?: number;
}

interface Entry {
  inFlight: number;
  tokens: number;
  at: number;
}

/**
 * Fair shares per client (an address now, a user once there is sign-in): requests in flight, and
 * cost per minute as a token bucket that refills continuously and holds one minute's worth, so a
 * client may spend its minute at once and then at the refill rate. Beyond either share the client
 * gets RATE_LIMITED (HTTP 429) with Retry-After.
 */
export class ClientBudgets {
  private readonly clients = new Map<string, Entry>();
  private refused = { concurrency: 0, cost: 0 };

  constructor(
    private readonly options: ClientBudgetOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request in; returns the function that counts it out. Throws RATE_LIMITED beyond the share. */
  enter(client: string): () => void {
    const e = this.entry(client);
    const max = this.options.maxConcurrent;
    if (max > 0 && e.inFlight >= max) {
      this.refused.concurrency += 1;
      throw new RateLimitedError(`This client already has ${e.inFlight} requests in flight (at most ${max}); wait for an answer before sending more.`, 1, { limit: max, share: 'concurrency' });
    }
    e.inFlight += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      e.inFlight -= 1;
    };
  }

  /** Spends `cost` of the client's bucket; throws RATE_LIMITED (with when to come back) when it holds less. */
  charge(client: string, cost: number): void {
    const perMinute = this.options.costPerMinute;
    if (perMinute <= 0 || cost <= 0) return;
    const e = this.entry(client);
    this.refill(e);
    if (e.tokens < cost) {
      this.refused.cost += 1;
      const waitS = ((cost - e.tokens) / perMinute) * 60;
      if (cost > perMinute) {
        throw new RateLimitedError(`This operation costs ${cost} points, more than a client may spend per minute (${perMinute}); ask for less.`, 60, { limit: perMinute, found: cost, share: 'cost' });
      }
      throw new RateLimitedError(`This client has spent its cost budget of ${perMinute} points per minute; ${Math.floor(e.tokens)} are left and this operation costs ${cost}. Try again in ${Math.ceil(waitS)} s.`, waitS, { limit: perMinute, found: cost, share: 'cost' });
    }
    e.tokens -= cost;
  }

  /** Gives back part of a charge (an answer served from the cache cost the server next to nothing). */
  refund(client: string, cost: number): void {
    const e = this.clients.get(client);
    if (!e || cost <= 0) return;
    e.tokens = Math.min(this.options.costPerMinute, e.tokens + cost);
  }

  /** Figures for /metrics and the tests. */
  stats(): { clients: number; refusedConcurrency: number; refusedCost: number } {
    return { clients: this.clients.size, refusedConcurrency: this.refused.concurrency, refusedCost: this.refused.cost };
  }

  private refill(e: Entry): void {
    const t = this.now();
    const perMinute = this.options.costPerMinute;
    e.tokens = Math.min(perMinute, e.tokens + ((t - e.at) / 60_000) * perMinute);
    e.at = t;
  }

  private entry(client: string): Entry {
    let e = this.clients.get(client);
    if (!e) {
      if (this.clients.size >= (this.options.maxClients ?? 100_000)) this.forgetIdle();
      e = { inFlight: 0, tokens: this.options.costPerMinute, at: this.now() };
      this.clients.set(client, e);
    }
    return e;
  }

  /** Forgets clients with nothing in flight whose bucket is full again (they lose nothing). */
  private forgetIdle(): void {
    for (const [k, e] of this.clients) {
      if (e.inFlight > 0) continue;
      this.refill(e);
      if (e.tokens >= this.options.costPerMinute) this.clients.delete(k);
    }
    // Still full of busy or spending clients: drop the oldest idle ones.
    for (const [k, e] of this.clients) {
      if (this.clients.size < (this.options.maxClients ?? 100_000)) break;
      if (e.inFlight === 0) this.clients.delete(k);
    }
  }
}
