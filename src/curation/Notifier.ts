import type { Tx } from '../neo4j/db';

/** A request's change of state, as webhooks announce it. */
export interface StateChange {
  /** e.g. proposal.submitted, inclusion.rejected, exception.granted. */
  readonly event: string;
  /** The request's id (proposal-N, inclusion-request-N, exception-request-N). */
  readonly subject: string;
  /** What kind of request: change, report, inclusion, exception. */
  readonly kind: string;
  readonly status: string;
  readonly previous: string | null;
  /** The organisation the request was filed for. */
  readonly organization: string;
  /** Who changed it (the token's name). */
  readonly actor: string;
}

/**
 * Announces state changes to other systems: `enqueue` writes the notification in the transaction
 * that makes the change (so it is sent if and only if the change commits), `kick` sends what is
 * queued once the transaction committed.
 */
export interface Notifier {
  enqueue(tx: Tx, change: StateChange): Promise<void>;
  kick(): void;
}
