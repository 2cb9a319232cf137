import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { buildWhatIfModel, whatIfTasks, type WhatIfRows } from '../whatif/tasks';
import type { WhatIfModel } from '../whatif/model';
import { CancelledError, withBudget } from './checkpoint';
import type { FromWorker, ModelPart, ToWorker } from './protocol';

/**
 * A CPU worker: keeps the what-if model of the latest graph versions it was sent and runs jobs on
 * it, one at a time, each under its deadline and the pool's cancel flag (src/cpu/checkpoint.ts).
 */
const flag = new Int32Array((workerData as { cancel: SharedArrayBuffer }).cancel);

/**
 * A lower scheduling priority for this thread (nice 10), so that on a busy machine the event loop
 * (and Neo4j) get the CPU first and the computations take what is left. Linux keeps a niceness per
 * thread; the thread's own id is the last part of /proc/thread-self. Elsewhere it stays as it is.
 */
function lowerPriority(): void {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, 10);
  } catch {
    // not Linux, or not allowed: the worker runs at the process's priority
  }
}
lowerPriority();
/** Models by graph version; the two newest are kept (a request may still run on the previous one). */
const models = new Map<number, WhatIfModel>();
const KEEP = 2;

const port = parentPort;
if (!port) throw new Error('cpuWorker.ts runs only as a worker thread');

const send = (m: FromWorker): void => port.postMessage(m);

/** The parts of a model received so far. */
let pending: { version: number; edges: unknown[]; services: unknown[]; rest: NonNullable<ModelPart['rest']> } | null = null;

port.on('message', (m: ToWorker) => {
  if (m.type === 'model') {
    if (!pending || pending.version !== m.version) pending = { version: m.version, edges: [], services: [], rest: { risks: [], layers: [], requirements: [], ozs: [], lifeSituations: [] } };
    for (const e of m.part.edges) pending.edges.push(e);
    for (const x of m.part.services) pending.services.push(x);
    if (m.part.rest) pending.rest = m.part.rest;
    if (m.last) {
      const rows = { edges: pending.edges, risks: pending.rest.risks, groups: { services: pending.services, layers: pending.rest.layers, ozs: pending.rest.ozs, lifeSituations: pending.rest.lifeSituations }, requirements: pending.rest.requirements } as unknown as WhatIfRows;
      models.set(m.version, buildWhatIfModel(rows, m.version));
      while (models.size > KEEP) models.delete(Math.min(...models.keys()));
      pending = null;
    }
    return;
  }
  send({ type: 'started', id: m.id });
  const started = performance.now();
  try {
    const model = models.get(m.version);
    if (!model) throw new Error(`no model of graph version ${m.version} in this worker`);
    const task = whatIfTasks[m.task] as (model: WhatIfModel, args: unknown) => unknown;
    const hadIndex = model.traversal.built() !== null;
    const result = withBudget(m.deadline, flag, m.id, () => task(model, m.args));
    // The job built the traversal index of this version: the pool learns it is there, with its size.
    const index = model.traversal.built();
    if (!hadIndex && index) send({ type: 'built', version: m.version, stats: index.stats });
    send({ type: 'done', id: m.id, result, cpuMs: performance.now() - started });
  } catch (e) {
    const cancelled = e instanceof CancelledError;
    send({ type: 'failed', id: m.id, cancelled, message: (e as Error).message, stack: (e as Error).stack, cpuMs: performance.now() - started });
  }
});
