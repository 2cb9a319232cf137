/**
 * The most items each list of the participation types holds: by what a request may hold (six
 * criteria, 20 sources, 500 timeline events), by the import's caps (1,000 problems and diff entries
 * shown) and the progress answer's (120 periods, 100 series). Two users: the resolvers
 * (src/limits/boundLists.ts) and the cost model (src/limits/prices.ts).
 */
export const PARTICIPATION_LIST_BOUNDS: Readonly<Record<string, number>> = {
  'InclusionRequest.selfAssessment': 20,
  'InclusionRequest.timeline': 500,
  'InclusionDecision.criteria': 20,
  'CriterionResult.sources': 20,
  'ExceptionRequest.sources': 20,
  'ExceptionRequest.timeline': 500,
  'ReportResult.diff': 1000,
  'ReportImport.problems': 1000,
  'ReportImport.diff': 1000,
  'AdoptionReport.services': 1000,
  'AdoptionProgress.periods': 120,
  'AdoptionProgress.series': 100,
  'AdoptionProgress.total': 120,
  'ProgressSeries.points': 120,
};
