import { randomUUID } from 'node:crypto';
import type { Notifier, StateChange } from '../../curation/Notifier';
import type { Logger } from '../../logger';
import type { Database, Tx } from '../../neo4j/db';
import { claimDueDeliveries, enqueueDeliveries, markDelivery } from '../repository';
import { WebhookDispatcher, type DeliveryStore } from './WebhookDispatcher';

/** The webhook settings (see ParticipationConfig.webhooks). */
export interface OutboxOptions {
  readonly urls: readonly string[];
  readonly secret: string;
  readonly retryBaseMs: number;
  readonly maxAttempts: number;
  readonly log: Logger;
  /** The poll interval of the dispatcher (default 1 s). */
  readonly pollMs?: number;
}

/** The deliveries kept in Neo4j (`WebhookDelivery` nodes), each claimed for a lease before it is sent. */
export function neo4jDeliveryStore(db: Database): DeliveryStore {
  return {
    claimDue: (now, leaseMs, limit) => db.write((tx) => claimDueDeliveries(tx, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), limit)),
    markDelivered: (id, at, status) => db.write((tx) => markDelivery(tx, { id, status: 'delivered', at: at.toISOString(), httpStatus: status, error: null, next: null })),
    markAttemptFailed: (id, at, error, status, next) => db.write((tx) => markDelivery(tx, { id, status: next === null ? 'failed' : 'pending', at: at.toISOString(), httpStatus: status, error: error.slice(0, 500), next: next === null ? null : next.toISOString() })),
  };
}

/**
 * Webhooks with an outbox: a state change queues one delivery per URL in the transaction that makes
 * it (so it is announced if and only if it commits), and a dispatcher sends what is due, signed,
 * retrying with backoff until it is delivered or the attempts are used up. Every attempt is recorded
 * on the delivery (the delivery log, `webhookDeliveries`).
 */
export class Outbox implements Notifier {
  private readonly dispatcher: WebhookDispatcher;

  constructor(
    db: Database,
    private readonly options: OutboxOptions,
  ) {
    this.dispatcher = new WebhookDispatcher({ store: neo4jDeliveryStore(db), secret: options.secret, retryBaseMs: options.retryBaseMs, maxAttempts: options.maxAttempts, pollMs: options.pollMs, log: options.log });
  }

  async enqueue(tx: Tx, change: StateChange): Promise<void> {
    const at = new Date().toISOString();
    const id = randomUUID();
    const body = JSON.stringify({ id, event: change.event, at, request: { id: change.subject, kind: change.kind, status: change.status, previous: change.previous, organization: change.organization }, actor: change.actor });
    await enqueueDeliveries(
      tx,
      this.options.urls.map((url, i) => ({ id: this.options.urls.length === 1 ? id : `${id}-${i + 1}`, url, event: change.event, subject: change.subject, body, createdAt: at, nextAttemptAt: at })),
    );
  }

  kick(): void {
    this.dispatcher.kick();
  }

  start(): void {
    this.dispatcher.start();
  }

  stop(): Promise<void> {
    return this.dispatcher.stop();
  }
}
