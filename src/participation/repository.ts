import { intParam, type Tx } from '../neo4j/db';
import { query } from '../neo4j/query';
import type { PropValue } from '../seed/graph';

/** A participation request (or another stored record) as stored: plain properties and JSON texts for nested values. */
export type StoredRequest = Readonly<Record<string, PropValue | null>>;

const nextRequestNumberQuery = query<{ number: number }>('participation/nextRequestNumber');
const createRequestQuery = query<{ id: string }>('participation/createRequest');
const requestByIdQuery = query<{ request: StoredRequest }>('participation/requestById');
const updateRequestQuery = query<{ id: string }>('participation/updateRequest');
const requestsQuery = query<{ request: StoredRequest }>('participation/requests');
const createAdoptionReportsQuery = query<{ created: number }>('participation/createAdoptionReports');
const adoptionReportsQuery = query<{ report: StoredRequest; applied: boolean }>('participation/adoptionReports');
const progressReportsQuery = query<ProgressReportRow>('participation/progressReports');
const servicesByLeikaQuery = query<{ key: string; id: string; name: string; offered: boolean }>('participation/servicesByLeika');
const nodeLabelsQuery = query<{ id: string; label: string; name: string | null }>('participation/nodeLabels');
const exemptionsQuery = query<{ id: string; exemptions: number }>('participation/exemptions');
const enqueueDeliveriesQuery = query<{ queued: number }>('participation/enqueueDeliveries');
const claimDueDeliveriesQuery = query<DeliveryClaim>('participation/claimDueDeliveries');
const markDeliveryQuery = query<{ id: string }>('participation/markDelivery');
const deliveriesQuery = query<{ delivery: StoredRequest }>('participation/deliveries');

/** An applied adoption report with its organisation's level and Land. */
export interface ProgressReportRow {
  readonly organization: string;
  readonly level: string;
  readonly status: string;
  readonly date: string;
  readonly reportedAt: string;
  readonly land: string;
  readonly landName: string;
}

/** A delivery claimed for sending. */
export interface DeliveryClaim {
  readonly id: string;
  readonly url: string;
  readonly event: string;
  readonly body: string;
  readonly attempts: number;
}

/** Takes the next number of `key` (inclusion-requests, exception-requests). */
export async function nextRequestNumber(tx: Tx, key: string): Promise<number> {
  const [r] = await tx.run(nextRequestNumberQuery, { key });
  return Number(r?.number ?? 1);
}

/** Stores a new participation request. */
export async function createRequest(tx: Tx, props: Record<string, PropValue | null>): Promise<void> {
  await tx.run(createRequestQuery, { props });
}

/** One participation request, or null. */
export async function requestById(tx: Tx, id: string): Promise<StoredRequest | null> {
  const [r] = await tx.run(requestByIdQuery, { id });
  return r?.request ?? null;
}

/** Sets properties of a participation request. */
export async function updateRequest(tx: Tx, id: string, props: Record<string, PropValue | null>): Promise<void> {
  await tx.run(updateRequestQuery, { id, props });
}

/** Filters of a request list; null means any. */
export interface RequestFilter {
  readonly kind: 'inclusion' | 'exception';
  readonly status: string | null;
  readonly statuses: readonly string[] | null;
  readonly stack: string | null;
  readonly item: string | null;
  readonly requirement: string | null;
  readonly organization: string | null;
  readonly before: number | null;
  readonly first: number;
}

/** Requests of one kind, newest first. */
export async function listRequests(tx: Tx, f: RequestFilter): Promise<StoredRequest[]> {
  const rows = await tx.run(requestsQuery, { ...f, statuses: f.statuses ? [...f.statuses] : null, before: f.before === null ? null : intParam(f.before), first: intParam(f.first) });
  return rows.map((r) => r.request);
}

/** Keeps dated adoption reports (in batches of 5,000). */
export async function createAdoptionReports(tx: Tx, reports: readonly Record<string, PropValue | null>[]): Promise<void> {
  for (let i = 0; i < reports.length; i += 5000) await tx.run(createAdoptionReportsQuery, { reports: reports.slice(i, i + 5000) });
}

/** Adoption reports, newest first, with whether each is in the graph. */
export async function adoptionReports(tx: Tx, f: { item: string | null; organization: string | null; first: number }): Promise<{ report: StoredRequest; applied: boolean }[]> {
  return tx.run(adoptionReportsQuery, { ...f, first: intParam(f.first) });
}

/** The applied reports of `item` up to `until`, with each organisation's level and Land. */
export async function progressReports(tx: Tx, item: string, level: string | null, until: string): Promise<ProgressReportRow[]> {
  return tx.run(progressReportsQuery, { item, level, until });
}

/** Services by LeiKa key (key -> id, name, whether `org` offers it). */
export async function servicesByLeika(tx: Tx, keys: readonly string[], org: string): Promise<Map<string, { id: string; name: string; offered: boolean }>> {
  const rows = await tx.run(servicesByLeikaQuery, { keys: [...new Set(keys)], org });
  return new Map(rows.map((r) => [r.key, { id: r.id, name: r.name, offered: r.offered }]));
}

/** The label and name of each node named (id -> label, name). */
export async function nodeLabels(tx: Tx, ids: readonly string[]): Promise<Map<string, { label: string; name: string | null }>> {
  const rows = await tx.run(nodeLabelsQuery, { ids: [...new Set(ids)] });
  return new Map(rows.map((r) => [r.id, { label: r.label, name: r.name }]));
}

/** How many exceptions from each requirement hold on `today`. */
export async function exemptions(tx: Tx, ids: readonly string[], today: string): Promise<Map<string, number>> {
  const rows = await tx.run(exemptionsQuery, { ids: [...ids], today });
  return new Map(rows.map((r) => [r.id, Number(r.exemptions)]));
}

/** Queues webhook deliveries in `tx`. */
export async function enqueueDeliveries(tx: Tx, deliveries: readonly Record<string, PropValue | null>[]): Promise<void> {
  if (deliveries.length > 0) await tx.run(enqueueDeliveriesQuery, { deliveries });
}

/** Claims due deliveries until `leaseUntil`. */
export async function claimDueDeliveries(tx: Tx, now: string, leaseUntil: string, limit: number): Promise<DeliveryClaim[]> {
  const rows = await tx.run(claimDueDeliveriesQuery, { now, leaseUntil, limit: intParam(limit) });
  return rows.map((r) => ({ ...r, attempts: Number(r.attempts) }));
}

/** Records an attempt of a delivery. */
export async function markDelivery(tx: Tx, p: { id: string; status: 'delivered' | 'pending' | 'failed'; at: string; httpStatus: number | null; error: string | null; next: string | null }): Promise<void> {
  await tx.run(markDeliveryQuery, { ...p, httpStatus: p.httpStatus === null ? null : intParam(p.httpStatus) });
}

/** Webhook deliveries, newest first. */
export async function webhookDeliveries(tx: Tx, status: string | null, first: number): Promise<StoredRequest[]> {
  const rows = await tx.run(deliveriesQuery, { status, first: intParam(first) });
  return rows.map((r) => r.delivery);
}
