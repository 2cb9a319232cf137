/** The GraphQL operations of the page to take part (schema/participation.graphql, schema/curation.graphql). */

const CRITERION_RESULT = 'criterion { id name } level reason';

const REQUEST_FIELDS = `id number status itemId itemName stack { id name } summary author organization createdAt
  selfAssessment { ${CRITERION_RESULT} }
  timeline { at kind actor text }
  decision { outcome reason reviewer organization decidedAt criteria { ${CRITERION_RESULT} } }`;

export const PUBLIC_REQUESTS = `query ContributeRequests {
  inclusionRequests(first: 50) { ${REQUEST_FIELDS} }
  notIncluded(first: 100) { ${REQUEST_FIELDS} }
}`;

export const DSTACK_CRITERIA_QUERY = `query ContributeCriteria {
  criteria(first: 20, filter: { scheme: "dstack" }) { edges { node { id name } } }
}`;

export const ITEM_SEARCH = `query ContributeItemSearch($text: String!) {
  search(text: $text, types: ["Component", "Standard"], first: 10) { node { id name label } }
}`;

export const ADOPTION_PROGRESS = `query ContributeProgress($item: ID!, $level: String, $from: String!, $to: String!, $interval: ProgressInterval) {
  adoptionProgress(item: $item, level: $level, from: $from, to: $to, interval: $interval) {
    item { id name }
    periods
    series { land landName level points { period planned piloting inUse retired } }
    total { period planned piloting inUse retired }
    reports
  }
}`;

export const PROPOSE = `mutation ContributePropose($input: ProposalInput!) {
  propose(input: $input) { id number status diff { op key kind before after conflict } }
}`;

export const REQUEST_INCLUSION = `mutation ContributeRequestInclusion($input: InclusionRequestInput!) {
  requestInclusion(input: $input) { id number status itemId itemName }
}`;

export const REQUEST_EXCEPTION = `mutation ContributeRequestException($input: ExceptionRequestInput!) {
  requestException(input: $input) { id number status requirementId grantedForId until }
}`;

const IMPORT_FIELDS = 'dryRun rows problems { line column field message } diff { op key kind before after conflict } changes outcome proposal { id number status }';

export const IMPORT_REPORTS = `mutation ContributeImport($input: ReportImportInput!) {
  importReports(input: $input) { ${IMPORT_FIELDS} }
}`;

export const REVIEW_QUEUE = `query ContributeReviewQueue {
  proposals(status: submitted) { id number kind author organization reason createdAt diff { op key kind before after conflict } }
  submitted: inclusionRequests(status: submitted) { ${REQUEST_FIELDS} }
  changesRequested: inclusionRequests(status: changes_requested) { ${REQUEST_FIELDS} }
  exceptionRequests(status: submitted) { id number status requirementId grantedForId justification until sources author organization createdAt }
}`;

export const ACCEPT_PROPOSAL = 'mutation ContributeAccept($id: ID!) { acceptProposal(id: $id) { id number status } }';
export const REJECT_PROPOSAL = 'mutation ContributeReject($id: ID!, $reason: String!) { rejectProposal(id: $id, reason: $reason) { id number status } }';
export const COMMENT_ON_REQUEST = 'mutation ContributeComment($id: ID!, $text: String!) { commentOnRequest(id: $id, text: $text) { id number status } }';
export const REQUEST_CHANGES = 'mutation ContributeRequestChanges($id: ID!, $reason: String!) { requestChanges(id: $id, reason: $reason) { id number status } }';
export const DECIDE_INCLUSION = 'mutation ContributeDecide($id: ID!, $input: InclusionDecisionInput!) { decideInclusion(id: $id, input: $input) { id number status } }';
export const GRANT_EXCEPTION = 'mutation ContributeGrant($id: ID!, $reason: String) { grantException(id: $id, reason: $reason) { id number status } }';
export const REFUSE_EXCEPTION = 'mutation ContributeRefuse($id: ID!, $reason: String!) { refuseException(id: $id, reason: $reason) { id number status } }';

/** Properties of a node or link as JSON (before or after a change). */
export type Properties = Record<string, unknown> | null;

export interface Change {
  op: string;
  key: string;
  kind: string;
  before: Properties;
  after: Properties;
  conflict: string | null;
}

export interface CriterionResult {
  criterion: { id: string; name: string };
  level: string;
  reason: string;
}

export interface InclusionRequest {
  id: string;
  number: number;
  status: string;
  itemId: string;
  itemName: string;
  stack: { id: string; name: string };
  summary: string;
  author: string;
  organization: string;
  createdAt: string;
  selfAssessment: CriterionResult[];
  timeline: { at: string; kind: string; actor: string; text: string | null }[];
  decision: { outcome: string; reason: string; reviewer: string; organization: string; decidedAt: string; criteria: CriterionResult[] } | null;
}

export interface ProgressPoint {
  period: string;
  planned: number;
  piloting: number;
  inUse: number;
  retired: number;
}

export interface AdoptionProgress {
  item: { id: string; name: string };
  periods: string[];
  series: { land: string; landName: string; level: string; points: ProgressPoint[] }[];
  total: ProgressPoint[];
  reports: number;
}

export interface ReportImport {
  dryRun: boolean;
  rows: number;
  problems: { line: number; column: number; field: string; message: string }[];
  diff: Change[];
  changes: number;
  outcome: string | null;
  proposal: { id: string; number: number; status: string } | null;
}

export interface ProposalSummary {
  id: string;
  number: number;
  kind: string;
  author: string;
  organization: string;
  reason: string;
  createdAt: string;
  diff: Change[];
}

export interface ExceptionRequestSummary {
  id: string;
  number: number;
  status: string;
  requirementId: string;
  grantedForId: string;
  justification: string;
  until: string;
  sources: string[];
  author: string;
  organization: string;
  createdAt: string;
}
