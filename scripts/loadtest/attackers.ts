import http from 'node:http';
import { DERIVED_REL_TYPES, REL_RULES } from '../../src/model';
import { attackerAddress } from './args';

/** One of the heaviest requests the default limits let through. */
export interface Attack {
  readonly name: string;
  readonly query: string;
}

/**
 * Components of the seed graph that reach the most services (the Portalverbund, the PVOG and the
 * Landesredaktionssystem each about 5,250) and a long tail of smaller ones: each alias of an attack
 * asks for something different, so that no two aliases share a computation.
 */
export const SEED_HUBS = ['portalverbund', 'pvog', 'landesredaktionssystem', 'elster', 'eid'] as const;
const SEED_OTHERS = [
  'landesredaktionssystem', 'pvog', 'elster', 'eid', 'eu-eid', 'bundid', 'landesnutzerkonto', 'verwaltungs-pki', 'fit-connect', 'dvdv',
  'melderegister', 'muk', 'bfj-portal', 'zentrales-fahrzeugregister', 'gewerberegister', 'i-kfz', 'landeskassen', 'hkr', 'epaybl', 'idnr',
  'ewa', 'osci-intermediaer', 'eu-oots', 'xta-adapter', 'noots-intermediaere-plattform', 'noots-ida', 'noots-dsc', 'ddatabox', 'noots',
];
/** The seed's source with the most facts. */
export const LARGEST_SOURCE = 'ozg-datenbank-nrw';

/**
 * The attacks, each at the edge of the defaults (30 aliases, 2,000 tokens, 200,000 cost points):
 * (a) 30 what-if simulations, each removing the Portalverbund and one more component;
 * (b) 20 impact analyses of hubs at maxDepth 10..7 with 1,000 components and services each;
 * (c) the subgraph of BundID at depth 3 over every stored relationship type but USES (with USES
 *     any hub's depth-3 neighbourhood passes the 5,000-node cap and is refused);
 * (d) what rests on the largest source, 500 of each (1,000 is refused for memory on the seed).
 */
export function buildAttacks(): Attack[] {
  const removals = ['portalverbund', ...SEED_OTHERS].map((id, i) => (i === 0 ? [id] : ['portalverbund', id]));
  const whatIf =
    'fragment W on WhatIfReport { summary { brokenServices degradedServices recoveredServices brokenComponents degradedComponents recoveredComponents requirementsViolated requirementsMet } ' +
    'byTopic { key brokenBefore brokenAfter degradedBefore degradedAfter } changes(first: 1000) { node { id } before after } }';
  const impact =
    'fragment I on ImpactReport { components(first: 1000) { component { id name } distance } services(first: 1000) { service { id name } distance } ' +
    'summary { componentCount serviceCount byTopic { node { name } count } byExecutingLevel { level count } } }';
  const types = Object.keys(REL_RULES).filter((t) => t !== 'USES' && !(DERIVED_REL_TYPES as readonly string[]).includes(t));
  return [
    { name: 'simulateChange x30', query: `{ ${removals.slice(0, 30).map((r, i) => `s${i}: simulateChange(removals: ${JSON.stringify(r)}) { ...W }`).join(' ')} } ${whatIf}` },
    { name: 'impactAnalysis x20', query: `{ ${Array.from({ length: 20 }, (_, i) => `i${i}: impactAnalysis(id: "${SEED_HUBS[i % SEED_HUBS.length]}", maxDepth: ${10 - Math.floor(i / SEED_HUBS.length)}) { ...I }`).join(' ')} } ${impact}` },
    { name: 'subgraph(bundid, depth 3)', query: `{ subgraph(ids: ["bundid"], depth: 3, types: ${JSON.stringify(types)}) { nodes { id label name } edges { id source target type } } }` },
    { name: `source(${LARGEST_SOURCE}).facts(500)`, query: `{ source(id: "${LARGEST_SOURCE}") { facts(first: 500) { nodes { node { id } locator } relationships { type from { id } to { id } locator } } } }` },
  ];
}

/** What the attackers got back for one attack. */
export interface AttackStats {
  sent: number;
  latencies: number[];
  /** Answers by HTTP status ("200", "429", ...), and "no answer" for connection errors and timeouts. */
  statuses: Record<string, number>;
  /** GraphQL error codes of the answers. */
  codes: Record<string, number>;
}

/** POSTs `body` on `agent`; the status and the text, or the error. */
function post(url: URL, agent: http.Agent, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Starts `count` attackers: attacker n (1-based) sends from X-Forwarded-For 10.66.0.n on its own
 * connection, with `Cache-Control: no-cache`, one request after the other without a pause, cycling
 * through the attacks from attack n - 1. stop() lets no new request start and waits for those under
 * way (at most the client's 30 s).
 */
export function startAttackers(url: string, count: number, attacks: readonly Attack[], errorCodes: (body: string) => string[]): { stop(): Promise<Map<string, AttackStats>> } {
  const target = new URL(url);
  const stats = new Map(attacks.map((a): [string, AttackStats] => [a.name, { sent: 0, latencies: [], statuses: {}, codes: {} }]));
  let running = true;
  const attacker = async (n: number): Promise<void> => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const headers = { 'content-type': 'application/json', 'cache-control': 'no-cache', 'x-forwarded-for': attackerAddress(n) };
    for (let i = n - 1; running; i++) {
      const attack = attacks[i % attacks.length] as Attack;
      const s = stats.get(attack.name) as AttackStats;
      s.sent++;
      const t0 = performance.now();
      try {
        const r = await post(target, agent, headers, JSON.stringify({ query: attack.query }), 30_000);
        s.latencies.push(performance.now() - t0);
        s.statuses[String(r.status)] = (s.statuses[String(r.status)] ?? 0) + 1;
        for (const code of errorCodes(r.text)) s.codes[code] = (s.codes[code] ?? 0) + 1;
      } catch {
        s.statuses['no answer'] = (s.statuses['no answer'] ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, 100)); // a refused connection must not spin
      }
    }
    agent.destroy();
  };
  const all = Promise.all(Array.from({ length: count }, (_, i) => attacker(i + 1)));
  return {
    async stop() {
      running = false;
      await all;
      return stats;
    },
  };
}
