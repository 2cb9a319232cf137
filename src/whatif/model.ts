import type { UseGraph } from './engine';
import type { ItemRiskFacts } from './risks';
import type { TraversalIndex } from '../traversal/TraversalIndex';

/** The use graph and the items' risk facts of one graph version: what every what-if runs on. */
export interface WhatIfModel {
  readonly graph: UseGraph;
  readonly topicOf: ReadonlyMap<string, string | null>;
  readonly levelsOf: ReadonlyMap<string, readonly string[]>;
  readonly layersOf: ReadonlyMap<string, readonly string[]>;
  readonly requirements: readonly { id: string; level: string; targets: string[]; appliesTo: string[] }[];
  readonly risks: readonly ItemRiskFacts[];
  readonly riskById: ReadonlyMap<string, ItemRiskFacts>;
  readonly version: number;
  /** Uses, needs and implementations in the graph: the unit the CPU prices are measured in. */
  readonly edgeCount: number;
  /** The compact topology the impact traversals walk (src/traversal/): built on first `get`. */
  readonly traversal: { readonly get: () => TraversalIndex; readonly built: () => TraversalIndex | null };
}
