import type { Worker } from 'node:worker_threads';
import { startWorkerFile } from '../cpu/workerThread';
import type { Logger } from '../logger';
import type { Neo4jHealth } from '../neo4j/health';
import { BEAT, STATE, STATES } from './healthShared';


export interface HealthPortOptions {
  readonly host: string;
  /** The port of the health thread (HEALTH_PORT; 0 picks a free one). */
  readonly port: number;
  /** How long the event loop may go without a beat before /healthz says it is stalled (HEALTH_STALL_MS). */
  readonly stallMs: number;
  readonly health?: Neo4jHealth;
  readonly log: Logger;
}

/** The health thread once it listens. */
export interface HealthPort {
  /** e.g. http://127.0.0.1:4001 */
  readonly url: string;
  stop(): Promise<void>;
}

/** How often the event loop beats (and copies Neo4j's state) for the health thread. */
const BEAT_MS = 100;

/**
 * `/healthz` and `/readyz` on a port of their own, answered by a worker thread: they answer in
 * milliseconds whatever the event loop is doing, and they still tell the truth about it. The event
 * loop beats every 100 ms into shared memory (with Neo4j's state as the supervisor sees it); the
 * thread answers 503 `stalled` when the last beat is older than `stallMs`, so a loop that is stuck
 * is restarted by a liveness probe, and one that is only busy is not.
 */
export async function startHealthPort(options: HealthPortOptions): Promise<HealthPort> {
  const shared = new Float64Array(new SharedArrayBuffer(2 * Float64Array.BYTES_PER_ELEMENT));
  const beat = (): void => {
    shared[BEAT] = Date.now();
    shared[STATE] = Math.max(0, STATES.indexOf(options.health?.status().state ?? 'up'));
  };
  beat();
  const timer = setInterval(beat, BEAT_MS);
  timer.unref();
  const worker: Worker = startWorkerFile(__dirname, 'healthThread', { shared: shared.buffer, host: options.host, port: options.port, stallMs: options.stallMs });
  worker.unref();
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('message', (m: { listening?: string; error?: string }) => (m.listening ? resolve(m.listening) : reject(new Error(`the health port could not listen: ${m.error}`))));
    worker.once('error', reject);
  });
  worker.on('error', (e) => options.log.error({ err: e }, 'the health thread failed'));
  options.log.info({ url }, 'health probes answered on their own port by a thread of their own');
  return {
    url,
    async stop() {
      clearInterval(timer);
      await worker.terminate();
    },
  };
}
