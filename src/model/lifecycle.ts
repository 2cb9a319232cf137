/**
 * Lifecycle stages of an item in a stack, after the technology radar's rings: adopt (the default
 * choice), trial (use where it fits, being proven), hold (no new use), retire (being phased out).
 */
export const LIFECYCLE_STAGES = ['adopt', 'trial', 'hold', 'retire'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/**
 * The stacks' own statuses mapped to stages. The D-Stack landscape keeps, per item, the maturity of
 * the item in the Deutschland-Stack (sandbox, incubation, graduated, after the CNCF's process); for
 * `stack:germany` that maturity decides the stage. The other stacks of the data set give each item a
 * status (recommended, approved, deprecated). The table is ours; the stack's own value is kept beside
 * the stage on every inclusion.
 */
export const MATURITY_STAGE: Readonly<Record<string, LifecycleStage>> = {
  graduated: 'adopt',
  incubation: 'trial',
  sandbox: 'trial',
  archived: 'retire',
};

export const STATUS_STAGE: Readonly<Record<string, LifecycleStage>> = {
  recommended: 'adopt',
  approved: 'trial',
  deprecated: 'retire',
};

/** The stack whose stages follow the items' maturity. */
export const MATURITY_STACK = 'stack:germany';

/** The stage of an inclusion: the maturity for the D-Stack, the status for any other stack. */
export function stageOf(stackId: string, status: string | undefined, maturity: string | undefined): { stage: LifecycleStage; basis: string } | null {
  if (stackId === MATURITY_STACK && maturity && MATURITY_STAGE[maturity]) return { stage: MATURITY_STAGE[maturity] as LifecycleStage, basis: `maturity ${maturity}` };
  if (status && STATUS_STAGE[status]) return { stage: STATUS_STAGE[status] as LifecycleStage, basis: `status ${status}` };
  return null;
}
