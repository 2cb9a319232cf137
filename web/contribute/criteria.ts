/** One of the six D-Stack criteria, as the forms list them. */
export interface CriterionRef {
  readonly id: string;
  readonly name: string;
}

/**
 * The six D-Stack criteria (seeds/criteria.yaml): the page asks the API for `criteria(filter:
 * {scheme: "dstack"})` and falls back to these when the answer is not there (yet).
 */
export const DSTACK_CRITERIA: readonly CriterionRef[] = [
  { id: 'criterion:dstack:digitale-souveraenitaet', name: 'Digitale Souveränität' },
  { id: 'criterion:dstack:interoperabilitaet', name: 'Interoperabilität' },
  { id: 'criterion:dstack:zukunftsfaehigkeit', name: 'Zukunftsfähigkeit' },
  { id: 'criterion:dstack:marktrelevanz', name: 'Marktrelevanz' },
  { id: 'criterion:dstack:vertrauenswuerdigkeit', name: 'Vertrauenswürdigkeit' },
  { id: 'criterion:dstack:nachhaltigkeit', name: 'Nachhaltigkeit' },
];

/** The part of a criterion id that names it in element ids: criterion:dstack:marktrelevanz -> marktrelevanz. */
export const criterionSlug = (id: string): string => id.slice(id.lastIndexOf(':') + 1).replace(/[^a-z0-9-]/gi, '-');

/** Levels of a self-assessment (unknown: say so when it is not known). */
export const SELF_LEVELS = [
  ['unknown', 'unknown'],
  ['met', 'met'],
  ['partly', 'partly'],
  ['not_met', 'not met'],
] as const;

/** Levels a decision states. */
export const DECISION_LEVELS = [
  ['met', 'met'],
  ['partly', 'partly'],
  ['not_met', 'not met'],
] as const;
