import type { Operation } from '../curation/changeSet';

/** A granted exception request, as the graph records it. */
export interface GrantedException {
  readonly requestId: string;
  readonly requirement: string;
  readonly requirementName: string;
  readonly grantedFor: string;
  readonly grantedForName: string;
  readonly justification: string;
  /** The last day it holds (YYYY-MM-DD). */
  readonly until: string;
  /** The day it was granted. */
  readonly since: string;
}

/** The id of the Exception node a granted request becomes. */
export const exceptionIdOf = (requestId: string): string => `exc:${requestId}`;

/**
 * The change set a granted exception writes (pure): the Exception (end date, reason, since, the
 * request), DEVIATES_FROM the requirement and GRANTED_FOR what it exempts.
 */
export function exceptionChangeSet(g: GrantedException): Operation[] {
  const id = exceptionIdOf(g.requestId);
  return [
    { op: 'addNode', label: 'Exception', id, properties: { name: `Exception from ${g.requirementName} for ${g.grantedForName} until ${g.until}`, expires: g.until, since: g.since, reason: g.justification, request: g.requestId } },
    { op: 'addLink', type: 'DEVIATES_FROM', from: id, to: g.requirement, properties: {} },
    { op: 'addLink', type: 'GRANTED_FOR', from: id, to: g.grantedFor, properties: {} },
  ];
}
