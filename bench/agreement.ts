import type { Driver } from 'neo4j-driver';
import type { Signature } from './compare';
import { postGraphQL } from './http';
import { buildMix, type MixParams, type MixQuery } from './mix';
import { readRows } from './neo4jRows';
import { pickParams, readPickCypher, type Picks } from './pick';
import { readRawCypher } from './raw/rawCypher';
import { verifyMix, type Executor, type Mismatch, type TargetName } from './runner';

/** Where the three targets of the bench are: the database (raw Cypher), the API and the peer over HTTP. */
export interface BenchTargets {
  readonly driver: Driver;
  readonly database: string;
  /** The API's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  readonly apiUrl: string;
  /** The @neo4j/graphql peer's endpoint (bench/peer/server.ts). */
  readonly peerUrl: string;
}

/** Whether the deployed API pages ImpactReport.services (services(first:, after:)). */
export async function apiPagesImpact(apiUrl: string): Promise<boolean> {
  const data = (await postGraphQL(apiUrl, { query: '{ __type(name: "ImpactReport") { fields { name args { name } } } }', variables: {} })) as {
    __type: { fields: { name: string; args: { name: string }[] }[] } | null;
  };
  const services = data.__type?.fields.find((f) => f.name === 'services');
  return Boolean(services?.args.some((a) => a.name === 'first'));
}

/** The values the mix runs with, from the picks of the graph as it is. */
export function mixParams(picks: Picks, today: string = new Date().toISOString().slice(0, 10)): MixParams {
  return {
    hub: picks.hub,
    mid: picks.mid.id,
    nodeId: 'bundid',
    subgraphId: picks.subgraph.id,
    serviceId: picks.service.id,
    searchText: 'Wohngeld',
    today,
  };
}

/**
 * Runs a query of `mix` on a target: the API and the peer over HTTP (with Cache-Control: no-cache
 * unless `cacheable`), raw Cypher through the driver (bench/raw/<raw>.cypher, read once here).
 */
export function targetExecutor(targets: BenchTargets, mix: readonly MixQuery[]): Executor {
  const rawText = new Map(mix.map((q) => [q.raw, readRawCypher(q.raw)]));
  return (target, q, p, cacheable) => {
    if (target === 'api') return postGraphQL(targets.apiUrl, q.api(p), { noCache: !cacheable });
    if (target === 'peer') return postGraphQL(targets.peerUrl, q.peer(p), { noCache: !cacheable });
    const text = rawText.get(q.raw) ?? readRawCypher(q.raw);
    return readRows(targets.driver, targets.database, text, q.rawParams(p));
  };
}

/** What the agreement check found on one graph. */
export interface Agreement {
  readonly mix: readonly MixQuery[];
  readonly params: MixParams;
  readonly picks: Picks;
  /** The executor the check used (the timed runs use the same one). */
  readonly exec: Executor;
  /** Every disagreement (`diff`) and every target that did not answer (`error`); empty: all agree. */
  readonly mismatches: readonly Mismatch[];
  /** The signature of each target's answer per query (a target that failed has none). */
  readonly signatures: Readonly<Record<string, Partial<Record<TargetName, Signature>>>>;
}

/** Options of `checkAgreement`. */
export interface AgreementOptions {
  /** The mix to check; default the mix for the API's shape as it answers now. */
  readonly mix?: readonly MixQuery[];
  /** Hubs the synthetic generator made, heaviest first (the hub pick prefers them). */
  readonly generatorHubs?: readonly string[];
  /** 'YYYY-MM-DD', the day compliance is judged on; default today (UTC). */
  readonly today?: string;
}

/**
 * The bench's agreement check without the timing: picks the ids of the mix on the graph as it is,
 * runs every query once on the API, on raw Cypher and on the peer, and compares the API's and the
 * peer's signatures with raw Cypher's. Usable on any graph the three targets share (the bench's
 * phases, the integration test on the seed graph).
 */
export async function checkAgreement(targets: BenchTargets, options: AgreementOptions = {}): Promise<Agreement> {
  const mix = options.mix ?? buildMix({ pagedImpact: await apiPagesImpact(targets.apiUrl) });
  const picks = await pickParams((cypher, params) => readRows(targets.driver, targets.database, cypher, params), options.generatorHubs ?? []);
  const params = mixParams(picks, options.today);
  const exec = targetExecutor(targets, mix);
  const signatures: Record<string, Partial<Record<TargetName, Signature>>> = {};
  const mismatches = await verifyMix(mix, params, exec, (query, sigs) => (signatures[query] = sigs));
  return { mix, params, picks, exec, mismatches, signatures };
}

/** The size of the graph the targets read (bench/cypher/graphSize.cypher). */
export async function graphSize(targets: Pick<BenchTargets, 'driver' | 'database'>): Promise<{ nodes: number; relationships: number }> {
  const [size] = await readRows(targets.driver, targets.database, readPickCypher('graphSize'));
  return { nodes: Number(size?.nodes ?? 0), relationships: Number(size?.relationships ?? 0) };
}
