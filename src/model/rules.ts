import type { NodeLabel } from './labels';
import type { RelType } from './relationships';

/**
 * Which nodes a rule links: a label, property conditions (a list property matches when it holds the
 * value; a list of values means any of them), relationships the node must have, or explicit ids.
 */
export interface NodeSelector {
  readonly label: NodeLabel;
  readonly ids?: readonly string[];
  readonly where?: Readonly<Record<string, string | number | boolean | readonly (string | number | boolean)[]>>;
  /** Properties the node must have (any value). */
  readonly exists?: readonly string[];
  readonly has?: readonly { readonly type: RelType; readonly dir: 'out' | 'in'; readonly label?: NodeLabel; readonly ids?: readonly string[] }[];
}

/** An inference rule of seeds/rules.yaml: what it says, who says it, and what it links to what. */
export interface InferenceRule {
  readonly id: string;
  readonly name: string;
  readonly statement: string;
  /** Citations of the official source stating the obligation or practice. */
  readonly source: string;
  readonly type: RelType;
  readonly from: NodeSelector;
  readonly to: NodeSelector;
  /** Extra properties of every edge the rule makes (for example `note`). */
  readonly props: Readonly<Record<string, string>>;
}

/** Kinds of source a rule may rest on: it states an obligation or an official practice. */
export const RULE_SOURCE_KINDS = ['law', 'official', 'standards-body', 'operator'] as const;

/** Rule ids: `rule:<slug>`. */
export const RULE_ID = /^rule:[a-z0-9][a-z0-9.-]*$/;
