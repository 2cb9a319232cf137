import { intParam as intOf, type Tx } from '../neo4j/db';
import { query } from '../neo4j/query';
import type { PropValue } from '../seed/graph';
import type { AuditEntry } from './auditChain';
import type { Props, ViewNode } from './changeSet';

/** A proposal as stored: plain properties, lists, and JSON texts for nested values. */
export type StoredProposal = Readonly<Record<string, PropValue | null>>;

const nextProposalNumberQuery = query<{ number: number }>('curation/nextProposalNumber');
const createProposalQuery = query<{ id: string }>('curation/createProposal');
const proposalByIdQuery = query<{ proposal: StoredProposal }>('curation/proposalById');
const updateProposalQuery = query<{ id: string }>('curation/updateProposal');
const lockAcceptsQuery = query<{ seq: number }>('curation/lockAccepts');
const proposalsQuery = query<{ proposal: StoredProposal }>('curation/proposals');
const acceptedProposalsQuery = query<{ proposal: StoredProposal }>('curation/acceptedProposals');
const recordConflictsQuery = query<{ conflicts: number }>('curation/recordConflicts');
const conflictsQuery = query<{ proposal: string; conflict: string; load: string | null }>('curation/conflicts');
const nodesForChangeQuery = query<{ id: string; label: string; props: Props }>('curation/nodesForChange');
const linksForChangeQuery = query<{ type: string; from: string; to: string; props: Props }>('curation/linksForChange');
const createSourcesQuery = query<{ created: number }>('curation/createSources');
const sourcesForCitationsQuery = query<{ id: string; url: string | null; kind: string }>('curation/sourcesForCitations');
const servicesOfferedByQuery = query<{ id: string }>('curation/servicesOfferedBy');
const curatedSourcesQuery = query<{ source: Record<string, PropValue | null> }>('curation/curatedSources');
const auditHeadQuery = query<{ seq: number; hash: string }>('audit/auditHead');
const appendAuditQuery = query<{ seq: number }>('audit/appendAudit');
const auditEntriesQuery = query<{ entry: AuditEntry }>('audit/auditEntries');

/** Takes the next proposal number. */
export async function nextProposalNumber(tx: Tx): Promise<number> {
  const [r] = await tx.run(nextProposalNumberQuery);
  return r?.number ?? 1;
}

/** Stores a new proposal. */
export async function createProposal(tx: Tx, props: Record<string, PropValue | null>): Promise<void> {
  await tx.run(createProposalQuery, { props });
}

/** One proposal, or null. */
export async function proposalById(tx: Tx, id: string): Promise<StoredProposal | null> {
  const [r] = await tx.run(proposalByIdQuery, { id });
  return r?.proposal ?? null;
}

/** Sets properties of a proposal. */
export async function updateProposal(tx: Tx, id: string, props: Record<string, PropValue | null>): Promise<void> {
  await tx.run(updateProposalQuery, { id, props });
}

/** Locks acceptance until the transaction ends; returns the next acceptance number. */
export async function lockAccepts(tx: Tx): Promise<number> {
  const [r] = await tx.run(lockAcceptsQuery);
  return r?.seq ?? 1;
}

/** A filtered page of proposals, newest first. */
export async function listProposals(
  tx: Tx,
  f: { status: string | null; author: string | null; organization: string | null; touches: string | null; before: number | null; first: number },
): Promise<StoredProposal[]> {
  const rows = await tx.run(proposalsQuery, { ...f, first: intOf(f.first) });
  return rows.map((r) => r.proposal);
}

/** Every accepted proposal in acceptance order. */
export async function acceptedProposals(tx: Tx): Promise<StoredProposal[]> {
  return (await tx.run(acceptedProposalsQuery)).map((r) => r.proposal);
}

/** Records the conflicts of a load on the accepted proposals (clearing the others'). */
export async function recordConflicts(tx: Tx, load: string, conflicts: readonly { proposal: string; json: string }[]): Promise<number> {
  const [r] = await tx.run(recordConflictsQuery, { load, conflicts });
  return r?.conflicts ?? 0;
}

/** The conflicts of the last load. */
export async function curationConflicts(tx: Tx): Promise<{ proposal: string; conflict: string; load: string | null }[]> {
  return tx.run(conflictsQuery);
}

/** The existing nodes among `ids`, with label and properties. */
export async function nodesForChange(tx: Tx, ids: readonly string[]): Promise<Map<string, ViewNode>> {
  const rows = ids.length === 0 ? [] : await tx.run(nodesForChangeQuery, { ids });
  return new Map(rows.map((r) => [r.id, { label: r.label, props: r.props }]));
}

/** The existing links among `links` (keyed `TYPE|from|to` as stored), with properties. */
export async function linksForChange(tx: Tx, links: readonly { type: string; from: string; to: string }[]): Promise<Map<string, Props>> {
  const rows = links.length === 0 ? [] : await tx.run(linksForChangeQuery, { links });
  return new Map(rows.map((r) => [`${r.type}|${r.from}|${r.to}`, r.props]));
}

/** Adds registry entries (an existing id is left alone). */
export async function createSources(tx: Tx, rows: readonly Record<string, PropValue | null>[]): Promise<void> {
  if (rows.length > 0) await tx.run(createSourcesQuery, { rows });
}

/** The registry entries with these ids or addresses. */
export async function sourcesForCitations(tx: Tx, ids: readonly string[], urls: readonly string[]): Promise<{ id: string; url: string | null; kind: string }[]> {
  return tx.run(sourcesForCitationsQuery, { ids, urls });
}

/** Which of `ids` are services the organisation `org` offers. */
export async function servicesOfferedBy(tx: Tx, org: string, ids: readonly string[]): Promise<Set<string>> {
  return new Set(ids.length === 0 ? [] : (await tx.run(servicesOfferedByQuery, { org, ids })).map((r) => r.id));
}

/** The registry entries added through proposals or by an admin. */
export async function curatedSources(tx: Tx): Promise<Record<string, PropValue | null>[]> {
  return (await tx.run(curatedSourcesQuery)).map((r) => r.source);
}

/** The audit chain's head, locked until the transaction ends. */
export async function auditHead(tx: Tx): Promise<{ seq: number; hash: string }> {
  const [r] = await tx.run(auditHeadQuery);
  return r ?? { seq: 0, hash: '' };
}

/** Appends an entry and moves the head. */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.run(appendAuditQuery, { entry: { ...entry, organizations: [...entry.organizations], ids: [...entry.ids] } });
}

/** Audit entries after `after`, in chain order, filtered. */
export async function auditEntries(tx: Tx, f: { after: number; first: number; subject?: string | null; outcome?: string | null; operation?: string | null }): Promise<AuditEntry[]> {
  const rows = await tx.run(auditEntriesQuery, { after: f.after, first: intOf(f.first), subject: f.subject ?? null, outcome: f.outcome ?? null, operation: f.operation ?? null });
  return rows.map((r) => r.entry);
}
