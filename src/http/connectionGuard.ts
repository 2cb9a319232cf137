import { readFileSync } from 'node:fs';
import type http from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from '../logger';

/** How many connections the HTTP server keeps open (see "Limits and safety" in the README). */
export interface ConnectionLimits {
  /** Open connections in total; above it the oldest idle one is closed, or the newcomer if none is idle. */
  readonly maxConnections: number;
  /** Open connections from one remote address (0: no limit); above it a newcomer is closed at once. */
  readonly maxConnectionsPerAddress: number;
}

/** What `ConnectionTable.admit` decided: keep the newcomer (closing `evict` to make room) or close it. */
export type Admission<C> = { readonly admit: true; readonly evict?: C } | { readonly admit: false; readonly reason: 'total' | 'address' };

/**
 * The bookkeeping of the connection caps, without sockets: which connections are open, from which
 * address, and which have no request in flight (idle keep-alive, or headers not complete yet). Every
 * operation is O(1): the idle connections are a Set in the order they became idle, so the one idle
 * the longest is its first element.
 */
export class ConnectionTable<C> {
  private readonly addressOf = new Map<C, string>();
  private readonly perAddress = new Map<string, number>();
  private readonly idle = new Set<C>();
  private readonly inFlight = new Map<C, number>();

  constructor(private readonly limits: ConnectionLimits) {}

  /** Open connections. */
  get size(): number {
    return this.addressOf.size;
  }

  /** Open connections without a request in flight. */
  get idleCount(): number {
    return this.idle.size;
  }

  /** Open connections from `address`. */
  countOf(address: string): number {
    return this.perAddress.get(address) ?? 0;
  }

  /**
   * Decides on a new connection from `address` and records it when admitted: over the per-address
   * cap it is refused; at the total cap the connection idle the longest is evicted (and forgotten
   * here) to make room, and only when every connection has a request in flight is the newcomer refused.
   */
  admit(conn: C, address: string): Admission<C> {
    const { maxConnections, maxConnectionsPerAddress } = this.limits;
    if (maxConnectionsPerAddress > 0 && this.countOf(address) >= maxConnectionsPerAddress) return { admit: false, reason: 'address' };
    let evict: C | undefined;
    if (this.size >= maxConnections) {
      evict = this.idle.values().next().value;
      if (evict === undefined) return { admit: false, reason: 'total' };
      this.remove(evict);
    }
    this.addressOf.set(conn, address);
    this.perAddress.set(address, this.countOf(address) + 1);
    this.idle.add(conn);
    return evict === undefined ? { admit: true } : { admit: true, evict };
  }

  /** A request on `conn` began (its headers are complete): it cannot be evicted until it ends. */
  requestStarted(conn: C): void {
    if (!this.addressOf.has(conn)) return;
    this.idle.delete(conn);
    this.inFlight.set(conn, (this.inFlight.get(conn) ?? 0) + 1);
  }

  /** A request on `conn` was answered; without another in flight, the connection is idle (newest last). */
  requestEnded(conn: C): void {
    const n = this.inFlight.get(conn);
    if (n === undefined) return;
    if (n > 1) {
      this.inFlight.set(conn, n - 1);
      return;
    }
    this.inFlight.delete(conn);
    this.idle.add(conn);
  }

  /** Forgets `conn` (closed); false when it was not open. */
  remove(conn: C): boolean {
    const address = this.addressOf.get(conn);
    if (address === undefined) return false;
    this.addressOf.delete(conn);
    this.idle.delete(conn);
    this.inFlight.delete(conn);
    const n = this.countOf(address);
    if (n <= 1) this.perAddress.delete(address);
    else this.perAddress.set(address, n - 1);
    return true;
  }
}

/** What the guard did since it was installed; `peak` is the most connections it ever held open. */
export interface ConnectionGuardStats {
  readonly open: number;
  readonly idle: number;
  readonly peak: number;
  readonly refusedTotal: number;
  readonly refusedAddress: number;
  readonly evicted: number;
}

/** The guard installed on one server. */
export interface ConnectionGuard {
  stats(): ConnectionGuardStats;
}

type Event = 'refusedTotal' | 'refusedAddress' | 'evicted';

/**
 * Counts refusals and evictions and logs them as one warning at most every `intervalMs`: the first
 * at once, later ones summed up when the interval has passed (a flood must not flood the log too).
 */
export class RateLimitedWarning {
  private pending: Record<Event, number> = { refusedTotal: 0, refusedAddress: 0, evicted: 0 };
  private lastAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly emit: (counts: Record<Event, number>) => void,
    private readonly intervalMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one event; the warning follows at once or when the interval has passed. */
  note(event: Event): void {
    this.pending[event]++;
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), Math.max(0, this.lastAt + this.intervalMs - this.now()));
    this.timer.unref();
  }

  private flush(): void {
    this.timer = undefined;
    this.lastAt = this.now();
    const counts = this.pending;
    this.pending = { refusedTotal: 0, refusedAddress: 0, evicted: 0 };
    this.emit(counts);
  }
}

const guards = new WeakMap<http.Server, ConnectionGuard>();

/** The guard installed on `server` (tests read its counts), if any. */
export function connectionGuardOf(server: http.Server): ConnectionGuard | undefined {
  return guards.get(server);
}

/**
 * Caps the open connections of `server` (see `ConnectionTable.admit`): a refused or evicted
 * connection is destroyed at once, so a flood of idle or half-sent connections cannot use up the
 * process's file descriptors or lock out /healthz and real clients. Warns at start when the cap does
 * not fit in the process's descriptor limit (then the limit, not the cap, would refuse connections).
 */
export function installConnectionGuard(server: http.Server, limits: ConnectionLimits, log: Logger): ConnectionGuard {
  const table = new ConnectionTable<Socket>(limits);
  const totals = { peak: 0, refusedTotal: 0, refusedAddress: 0, evicted: 0 };
  const warning = new RateLimitedWarning((counts) =>
    log.warn({ ...counts, open: table.size, maxConnections: limits.maxConnections, maxConnectionsPerAddress: limits.maxConnectionsPerAddress }, 'connections refused or evicted at the connection cap (HTTP_MAX_CONNECTIONS, HTTP_MAX_CONNECTIONS_PER_ADDRESS)'),
  );
  const fdLimit = openFileLimit();
  if (fdLimit !== undefined && limits.maxConnections > fdLimit - 1000) {
    log.warn({ maxConnections: limits.maxConnections, openFileLimit: fdLimit }, 'HTTP_MAX_CONNECTIONS is not at least 1000 below the open-file limit of this process (ulimit -n): lower it or raise the limit');
  }

  server.on('connection', (socket: Socket) => {
    const verdict = table.admit(socket, socket.remoteAddress ?? '');
    if (!verdict.admit) {
      socket.destroy();
      const event = verdict.reason === 'total' ? 'refusedTotal' : 'refusedAddress';
      totals[event]++;
      warning.note(event);
      return;
    }
    if (verdict.evict) {
      verdict.evict.destroy();
      totals.evicted++;
      warning.note('evicted');
    }
    totals.peak = Math.max(totals.peak, table.size);
    socket.once('close', () => table.remove(socket));
  });
  // Before the app's listener, which may answer at once: the request is in flight from here on.
  server.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket;
    table.requestStarted(socket);
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      table.requestEnded(socket);
    };
    res.once('finish', end);
    res.once('close', end);
  });
  const guard: ConnectionGuard = { stats: () => ({ open: table.size, idle: table.idleCount, ...totals }) };
  guards.set(server, guard);
  return guard;
}

/** The soft limit of open files of this process on Linux (Node raises it to the hard limit at start); undefined elsewhere. */
export function openFileLimit(): number | undefined {
  try {
    const m = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}
