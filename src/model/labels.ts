/** Every label of the public graph model. */
export const NODE_LABELS = [
  'Topic',
  'LifeSituation',
  'OzgService',
  'Service',
  'Component',
  'Standard',
  'Layer',
  'IntegrationPoint',
  'Organization',
  'Stack',
  'BuildingBlock',
  'Requirement',
  'Exception',
  'Kpi',
  'ReferencePattern',
  'Milestone',
  'Criterion',
  'Decision',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];
