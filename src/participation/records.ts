import type { NodeRecord } from '../graph/records';
import type { ProgressPointRecord, ProgressSeriesRecord } from './adoptionProgress';

/** One dated adoption report as the resolvers see it. */
export interface AdoptionReportRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly itemId: string;
  /** The model's spelling (in-use). */
  readonly status: string;
  readonly date: string;
  readonly services: readonly string[];
  readonly reportedAt: string;
  readonly author: string;
  readonly proposal: string;
  readonly applied: boolean;
}

/** adoptionProgress's answer. */
export interface AdoptionProgressRecord {
  readonly item: NodeRecord;
  readonly interval: 'month' | 'quarter';
  readonly periods: readonly string[];
  readonly series: readonly ProgressSeriesRecord[];
  readonly total: readonly ProgressPointRecord[];
  readonly reports: number;
}

/** A webhook delivery as the log shows it. */
export interface WebhookDeliveryRecord {
  readonly id: string;
  readonly url: string;
  readonly event: string;
  readonly subject: string;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
  readonly lastStatus: number | null;
}
