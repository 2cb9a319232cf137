import type { WhatIfTaskName } from '../whatif/tasks';
import type { TraversalIndexStats } from '../traversal/TraversalIndex';

/** Messages from the pool to a CPU worker. */
export type ToWorker =
  /** A part of a model's rows; the model is built when the part with `last` arrives. */
  | { readonly type: 'model'; readonly version: number; readonly part: ModelPart; readonly last: boolean }
  | { readonly type: 'job'; readonly id: number; readonly task: WhatIfTaskName; readonly version: number; readonly args: unknown; readonly deadline: number };

/** Messages from a CPU worker to the pool. */
export type FromWorker =
  /** A job built the traversal index of a version (before its `done`). */
  | { readonly type: 'built'; readonly version: number; readonly stats: TraversalIndexStats }
  | { readonly type: 'started'; readonly id: number }
  | { readonly type: 'done'; readonly id: number; readonly result: unknown; readonly cpuMs: number }
  | { readonly type: 'failed'; readonly id: number; readonly cancelled: boolean; readonly message: string; readonly stack?: string; readonly cpuMs: number };

/** A slice of a model's rows: sent in parts so that no single copy blocks the event loop for long. */
export interface ModelPart {
  readonly edges: readonly unknown[];
  readonly services: readonly unknown[];
  /** Only in the first part: the small lists (risks, layers, requirements). */
  readonly rest?: { readonly risks: readonly unknown[]; readonly layers: readonly unknown[]; readonly requirements: readonly unknown[]; readonly ozs: readonly unknown[]; readonly lifeSituations: readonly unknown[] };
}
