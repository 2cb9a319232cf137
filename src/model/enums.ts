import type { EnumSpec } from './Model';
import { ASSESSMENT_LEVELS } from './assessment';
import { LICENCE_CLASSES } from './licences';
import { LIFECYCLE_STAGES } from './lifecycle';
import { DECISION_OUTCOMES, OPERATING_MODELS } from './profiles';
import { ADOPTION_STATUSES, EVIDENCE } from './values';

/**
 * The value lists of the model that the API types as GraphQL enums (in src/generated/schema/graph.graphql, generated).
 * GraphQL names use `_` where the stored values use `-` (`not-met` is `not_met`).
 */
export const ENUMS = {
  Evidence: { description: 'How sure a fact is: a primary source states it (`sourced`: a law, an official or standards body, the operator, the vendor about its own product, a published data set), only press or secondary sources state it (`secondary`), the organisation concerned reports it about itself (`reported`, through an accepted proposal), or it is our conclusion (`inferred`).', values: EVIDENCE },
  LicenceClass: { description: 'Licence classes (src/model/licences.ts; SPDX ids).', values: LICENCE_CLASSES },
  OperatingModel: { description: 'How a component can be run.', values: OPERATING_MODELS },
  LifecycleStage: { description: 'Lifecycle stage of an item in a stack.', values: LIFECYCLE_STAGES },
  AssessmentLevel: { description: 'Level of an assessment against a criterion.', values: ASSESSMENT_LEVELS },
  AdoptionStatus: { description: 'How far an organisation has adopted a component or standard.', values: ADOPTION_STATUSES },
  DecisionOutcome: { description: 'What a decision decided about an item.', values: DECISION_OUTCOMES },
} as const satisfies Readonly<Record<string, EnumSpec>>;
