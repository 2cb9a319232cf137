import type { ParticipationConfig } from '../config';
import type { Curation } from '../curation/Curation';
import type { Logger } from '../logger';
import { MODEL } from '../model';
import type { Database } from '../neo4j/db';
import { Participation } from './Participation';
import { Outbox } from './webhooks/Outbox';

/** The participation side of one process, and its webhook outbox when WEBHOOK_URLS names receivers. */
export function createParticipation(config: ParticipationConfig | undefined, curation: Curation, outbox: Outbox | undefined): Participation {
  return new Participation({ curation, model: MODEL, reportsNeedReview: config?.reportsNeedReview ?? false, importMaxRows: config?.importMaxRows ?? 20_000, notifier: outbox });
}

/** The webhook outbox of WEBHOOK_URLS (undefined when there are none). */
export function createOutbox(config: ParticipationConfig | undefined, db: Database, log: Logger): Outbox | undefined {
  const hooks = config?.webhooks;
  if (!hooks || hooks.urls.length === 0 || !hooks.secret) return undefined;
  return new Outbox(db, { urls: hooks.urls, secret: hooks.secret, retryBaseMs: hooks.retryBaseMs, maxAttempts: hooks.maxAttempts, log: log.child({ component: 'webhooks' }), pollMs: Math.min(1000, hooks.retryBaseMs) });
}
