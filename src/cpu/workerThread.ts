import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WhatIfRows } from '../whatif/tasks';
import type { ToWorker } from './protocol';

/** Rows per part of a model sent to a worker (about 10 ms of copying each). */
const MODEL_PART = 20_000;

/**
 * Sends a model's rows to `worker` in parts of MODEL_PART rows, yielding to the event loop between
 * parts: one copy of a million rows would block it for about a second (at --scale 1). Stops when
 * `gone()` says the worker was replaced or the pool stopped.
 */
export async function sendModel(worker: Worker, version: number, rows: WhatIfRows, gone: () => boolean): Promise<void> {
  const n = Math.max(rows.edges.length, rows.groups.services.length);
  for (let i = 0; i === 0 || i < n; i += MODEL_PART) {
    if (gone()) return;
    const part = {
      edges: rows.edges.slice(i, i + MODEL_PART),
      services: rows.groups.services.slice(i, i + MODEL_PART),
      ...(i === 0 ? { rest: { risks: rows.risks, layers: rows.groups.layers, requirements: rows.requirements, ozs: rows.groups.ozs, lifeSituations: rows.groups.lifeSituations } } : {}),
    };
    worker.postMessage({ type: 'model', version, part, last: i + MODEL_PART >= n } satisfies ToWorker);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Starts a worker thread on `<dir>/<base>`: the compiled .js in dist/, or the TypeScript source
 * through tsx's require hook when the code runs from src/ (tests, `npm run bench`).
 */
export function startWorkerFile(dir: string, base: string, workerData: unknown): Worker {
  const ext = path.extname(__filename);
  const file = path.join(dir, `${base}${ext}`);
  if (ext === '.ts') {
    const hook = require.resolve('tsx/cjs');
    return new Worker(`require(${JSON.stringify(hook)}); require(${JSON.stringify(file)});`, { eval: true, workerData });
  }
  return new Worker(file, { workerData });
}

/** Starts a CPU worker (cpuWorker) with its cancel flag. */
export function startWorker(cancel: SharedArrayBuffer): Worker {
  return startWorkerFile(__dirname, 'cpuWorker', { cancel });
}
