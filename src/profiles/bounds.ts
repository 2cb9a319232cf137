/**
 * The most items each list of the profile types holds: by the model (six criteria, four indicators a
 * criterion, seven kinds of profile fact) or cut where the answer is made (src/limits/boundLists.ts).
 * Two users: the resolvers and the cost model (src/limits/prices.ts).
 */
export const PROFILE_LIST_BOUNDS: Readonly<Record<string, number>> = {
  'Component.criteriaAssessments': 6,
  'Standard.criteriaAssessments': 6,
  // One inclusion per stack; the registry holds 25 stacks today.
  'Component.lifecycle': 50,
  'Standard.lifecycle': 50,
  'Profile.operatingModels': 20,
  'Profile.obtain': 20,
  'Profile.attestations': 20,
  'Profile.unknown': 7,
  'Assessment.indicators': 4,
  'RankingEdge.breakdown': 6,
  'RankingEdge.unknown': 6,
  'RankingConnection.weights': 6,
  'CriteriaMapping.criteria': 6,
  'CriterionIndicators.indicators': 4,
  'CriteriaMapping.indicators': 20,
  'CriteriaMapping.points': 5,
  'Profile.editions': 10,
  'Profile.conflicts': 50,
  'Component.conflicts': 50,
  'Standard.conflicts': 50,
  'RankingConnection.excluded': 50,
  'StandardKindFact.bindingFor': 5,
  'Ended.successors': 10,
  'InclusionAnswer.decisions': 50,
  'Load.datasets': 10,
  'Change.fields': 50,
};
