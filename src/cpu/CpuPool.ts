import type { Worker } from 'node:worker_threads';
import { VersionCache } from '../cache/VersionCache';
import { AppError, QueryTimeoutError, RateLimitedError } from '../errors';
import type { Logger } from '../logger';
import type { WhatIfRows, WhatIfTaskName } from '../whatif/tasks';
import type { FromWorker, ToWorker } from './protocol';
import type { TraversalIndexStats } from '../traversal/TraversalIndex';
import { sendModel, startWorker } from './workerThread';

/** One job as a request hands it to the pool. */
export interface CpuRequest {
  /** Who asks (an address or a user): the queue serves clients in turn. */
  readonly client: string;
  readonly task: WhatIfTaskName;
  /** The graph version the job runs on; `rows` reads that version's model when no worker holds it. */
  readonly version: number;
  readonly rows: () => Promise<WhatIfRows>;
  readonly args: unknown;
  /** Epoch ms: the job is not started after it and stopped when it runs past it. */
  readonly deadline: number;
  /** The request's limit in ms, for the QUERY_TIMEOUT message. */
  readonly timeoutMs: number;
  /** Aborts the job (the request ended early). */
  readonly signal?: AbortSignal;
}

/** Figures of the pool, for /metrics and the tests. */
export interface CpuPoolStats {
  readonly workers: number;
  readonly busy: number;
  readonly queued: number;
  readonly done: number;
  readonly cancelled: number;
  readonly restarted: number;
  readonly cpuMs: number;
}

export interface CpuPoolOptions {
  /** Worker threads (CPU_WORKERS). */
  readonly size: number;
  readonly log: Logger;
  /** Jobs one client may have waiting; more are refused with RATE_LIMITED. */
  readonly maxQueuedPerClient?: number;
  /** How long a cancelled job may take to notice before its worker is terminated and replaced. */
  readonly killAfterMs?: number;
}

interface Job extends CpuRequest {
  readonly id: number;
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: Error) => void;
  settled: boolean;
  worker?: Slot;
  timer?: NodeJS.Timeout;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  readonly cancel: Int32Array;
  readonly versions: Set<number>;
  /** Versions whose traversal index the worker has built. */
  readonly indexed: Set<number>;
  job: Job | null;
  /** Whether the worker has begun the job (it may still be building a model before it). */
  started: boolean;
  killTimer?: NodeJS.Timeout;
}

/** Thrown to the callers of a stopped pool. */
class PoolStoppedError extends AppError {
  constructor() {
    super('SERVICE_UNAVAILABLE', 'The server is shutting down; try again shortly.', {}, 503);
  }
}

/**
 * Runs the in-memory engines (what-if, severity, risks) on worker threads, so that CPU work never
 * blocks the event loop that answers every other request and the health probes. Each worker holds
 * the model of the latest graph versions (sent once per version and worker). Jobs wait in one queue
 * per client and are served in turn (round robin), so one client's thirty jobs do not starve another
 * client's one; a job past its deadline is refused before it starts and stopped while it runs (the
 * engines look at a shared cancel flag, src/cpu/checkpoint.ts); a worker that does not stop in time
 * is terminated and replaced.
 */
export class CpuPool {
  private readonly slots: Slot[] = [];
  private readonly queues = new Map<string, Job[]>();
  private readonly rows = new VersionCache<WhatIfRows>();
  private nextId = 1;
  /** Edges of the use graph last read (0: none yet). */
  private edges = 0;
  /** The newest traversal index built, and the version being built in the background. */
  private index: TraversalIndexStats | null = null;
  private warming: number | null = null;
  private stopped = false;
  private figures = { done: 0, cancelled: 0, restarted: 0, cpuMs: 0 };

  constructor(private readonly options: CpuPoolOptions) {
    for (let i = 0; i < Math.max(1, options.size); i++) this.slots.push(this.spawn());
  }

  /** Runs `task` on a worker; resolves with its result, or rejects with QUERY_TIMEOUT, RATE_LIMITED, ... */
  async run<T>(req: CpuRequest): Promise<T> {
    if (this.stopped) throw new PoolStoppedError();
    const rows = await this.rows.get(req.version, async () => {
      const r = await req.rows();
      this.edges = r.edges.length;
      return r;
    });
    const queued = this.queues.get(req.client)?.length ?? 0;
    const max = this.options.maxQueuedPerClient ?? 64;
    if (queued >= max) {
      throw new RateLimitedError(`This client already has ${queued} computations waiting (at most ${max}); wait for them before sending more.`, 1, { limit: max });
    }
    return new Promise<T>((resolve, reject) => {
      const job: Job = { ...req, id: this.nextId++, resolve: resolve as (v: unknown) => void, reject, settled: false };
      if (this.nextId > 0x7fff_0000) this.nextId = 1;
      const remaining = req.deadline - Date.now();
      if (remaining <= 0) {
        reject(new QueryTimeoutError(req.timeoutMs, 'request'));
        return;
      }
      job.timer = setTimeout(() => this.cancel(job, new QueryTimeoutError(req.timeoutMs, 'request')), remaining);
      if (req.signal) {
        if (req.signal.aborted) {
          this.cancel(job, new QueryTimeoutError(req.timeoutMs, 'request'));
          return;
        }
        job.onAbort = () => this.cancel(job, new QueryTimeoutError(req.timeoutMs, 'request'));
        req.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      const q = this.queues.get(req.client);
      if (q) q.push(job);
      else this.queues.set(req.client, [job]);
      this.modelRows.set(job.id, rows);
      this.pump();
    });
  }

  /** Rows of the model each queued job needs, until it is dispatched. */
  private readonly modelRows = new Map<number, WhatIfRows>();

  /** Edges of the use graph last read, or `fallback` before the first (the CPU prices follow it). */
  useEdges(fallback: number): number {
    return this.edges > 0 ? this.edges : fallback;
  }

  /** Size and build time of the newest traversal index a worker built, or null before the first. */
  indexStats(): TraversalIndexStats | null {
    return this.index;
  }

  /**
   * Whether a worker holds the model (and traversal index) of `version`, so that a job on it waits for
   * no read of Neo4j and no build. When none does, the model is read and sent to a worker in the
   * background (once per version), and the caller answers from Neo4j meanwhile.
   */
  ready(version: number, rows: () => Promise<WhatIfRows>): boolean {
    if (this.slots.some((s) => s.indexed.has(version))) return true;
    if (this.warming !== version && !this.stopped) {
      this.warming = version;
      const done = (): void => {
        if (this.warming === version) this.warming = null;
      };
      // A job of its own (client `index`): no request waits for it, and its deadline allows a large graph.
      this.run({ client: 'index', task: 'indexStats', version, rows, args: {}, deadline: Date.now() + 300_000, timeoutMs: 300_000 }).then(done, (e: unknown) => {
        done();
        this.options.log.warn({ err: e, version }, 'the traversal index could not be built; impact analyses are answered by Neo4j');
      });
    }
    return false;
  }

  stats(): CpuPoolStats {
    let queued = 0;
    for (const q of this.queues.values()) queued += q.length;
    return { workers: this.slots.length, busy: this.slots.filter((s) => s.job).length, queued, ...this.figures, cpuMs: Math.round(this.figures.cpuMs) };
  }

  /** Refuses queued jobs, ends the workers. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const q of this.queues.values()) for (const job of q) this.settle(job, new PoolStoppedError());
    this.queues.clear();
    await Promise.all(
      this.slots.map(async (s) => {
        if (s.job) this.settle(s.job, new PoolStoppedError());
        clearTimeout(s.killTimer);
        await s.worker.terminate().catch(() => undefined);
      }),
    );
  }

  private spawn(): Slot {
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const slot: Slot = { worker: startWorker(cancel.buffer as SharedArrayBuffer), cancel, versions: new Set(), indexed: new Set(), job: null, started: false };
    this.attach(slot);
    return slot;
  }

  private attach(slot: Slot): void {
    const w = slot.worker;
    w.unref();
    w.on('message', (m: FromWorker) => this.onMessage(slot, m));
    w.on('error', (e) => {
      this.options.log.error({ err: e }, 'a CPU worker failed; starting a new one');
      this.replace(slot, e);
    });
    w.on('exit', (code) => {
      if (this.stopped || slot.worker !== w) return;
      this.options.log.error({ code }, 'a CPU worker exited; starting a new one');
      this.replace(slot, new Error(`CPU worker exited with code ${code}`));
    });
  }

  /** Replaces a slot's worker (crashed, or stuck in a cancelled job); its job fails with `error`. */
  private replace(slot: Slot, error: Error): void {
    if (this.stopped) return;
    const old = slot.worker;
    clearTimeout(slot.killTimer);
    if (slot.job) this.settle(slot.job, error);
    slot.job = null;
    slot.versions.clear();
    slot.indexed.clear();
    Atomics.store(slot.cancel, 0, 0);
    slot.worker = startWorker(slot.cancel.buffer as SharedArrayBuffer);
    this.attach(slot);
    this.figures.restarted += 1;
    void old.terminate().catch(() => undefined);
    this.pump();
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.type === 'built') {
      slot.indexed.add(m.version);
      while (slot.indexed.size > 2) slot.indexed.delete(Math.min(...slot.indexed));
      if (m.version > (this.index?.version ?? -1)) {
        this.index = m.stats;
        this.options.log.info({ ...m.stats }, 'traversal index built');
      }
      return;
    }
    const job = slot.job;
    if (!job || job.id !== m.id) return;
    if (m.type === 'started') {
      slot.started = true;
      if (job.settled) this.armKill(slot, job);
      return;
    }
    slot.job = null;
    clearTimeout(slot.killTimer);
    this.figures.cpuMs += m.cpuMs;
    if (m.type === 'done') {
      this.figures.done += 1;
      this.settle(job, null, m.result);
    } else if (m.cancelled) {
      this.figures.cancelled += 1;
      this.settle(job, new QueryTimeoutError(job.timeoutMs, 'request'));
    } else {
      const e = new Error(m.message);
      e.stack = m.stack;
      this.settle(job, e);
    }
    this.pump();
  }

  /** Ends a job with `error`: dropped from its queue, or stopped on its worker (terminated if it does not stop). */
  private cancel(job: Job, error: Error): void {
    if (job.settled) return;
    this.settle(job, error);
    const slot = job.worker;
    if (slot && slot.job === job) {
      Atomics.store(slot.cancel, 0, job.id);
      // The engines look at the flag every ~1,000 steps; a job that has begun and still runs after
      // killAfterMs is stuck in code without checkpoints: its worker is replaced.
      if (slot.started) this.armKill(slot, job);
    } else {
      const q = this.queues.get(job.client);
      const i = q?.indexOf(job) ?? -1;
      if (q && i >= 0) {
        q.splice(i, 1);
        if (q.length === 0) this.queues.delete(job.client);
      }
      this.modelRows.delete(job.id);
    }
  }

  private armKill(slot: Slot, job: Job): void {
    clearTimeout(slot.killTimer);
    slot.killTimer = setTimeout(() => {
      if (slot.job !== job) return;
      this.options.log.warn({ task: job.task, client: job.client }, 'a CPU job did not stop after its deadline; replacing its worker');
      this.replace(slot, new QueryTimeoutError(job.timeoutMs, 'request'));
    }, this.options.killAfterMs ?? 1000);
    slot.killTimer.unref();
  }

  private settle(job: Job, error: Error | null, value?: unknown): void {
    if (job.settled) return;
    job.settled = true;
    clearTimeout(job.timer);
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    if (error) job.reject(error);
    else job.resolve(value);
  }

  /** Hands queued jobs to idle workers, one client after the other. */
  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job || this.queues.size === 0) continue;
      const job = this.nextJob();
      if (!job) return;
      const rows = this.modelRows.get(job.id);
      this.modelRows.delete(job.id);
      slot.job = job;
      slot.started = false;
      job.worker = slot;
      const post = (): void => {
        if (slot.job === job) slot.worker.postMessage({ type: 'job', id: job.id, task: job.task, version: job.version, args: job.args, deadline: job.deadline } satisfies ToWorker);
      };
      if (slot.versions.has(job.version) || !rows) post();
      else {
        const worker = slot.worker;
        void sendModel(worker, job.version, rows, () => slot.worker !== worker || this.stopped).then(() => {
          if (slot.worker !== worker) return;
          slot.versions.add(job.version);
          while (slot.versions.size > 2) slot.versions.delete(Math.min(...slot.versions));
          post();
        });
      }
    }
  }

  /** The first job of the client whose turn it is; that client moves to the end of the line. */
  private nextJob(): Job | undefined {
    for (const [client, q] of this.queues) {
      this.queues.delete(client);
      const job = q.shift();
      if (q.length > 0) this.queues.set(client, q);
      if (job && !job.settled) return job;
      if (job) this.modelRows.delete(job.id);
    }
    return undefined;
  }
}
