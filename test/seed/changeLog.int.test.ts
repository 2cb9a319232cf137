import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { buildGraph, defaultSources, runSeed, type LoadedGraph, type SeedSources } from '../../src/seed/seed';
import { openTestDb, silentLog, type TestDb } from '../support/db';
import { startOwnNeo4j, type OwnNeo4j } from '../support/ownNeo4j';
import { tmpTree } from '../support/tmpdir';
import { startTestApi, type TestApi } from '../support/api';

type Entry = { op: string; entity: string; key: string; label: string; fields: string[] };

/** The change log of going from graph `a` to graph `b`, computed from the two loaded file sets. */
function diff(a: LoadedGraph, b: LoadedGraph): Entry[] {
  const out: Entry[] = [];
  const compare = (entity: string, before: Map<string, { label: string; props: Record<string, unknown> }>, after: Map<string, { label: string; props: Record<string, unknown> }>): void => {
    for (const [key, x] of before) if (!after.has(key)) out.push({ op: 'removed', entity, key, label: x.label, fields: [] });
    for (const [key, y] of after) {
      const x = before.get(key);
      if (!x) {
        out.push({ op: 'added', entity, key, label: y.label, fields: [] });
        continue;
      }
      const fields = [...new Set([...Object.keys(x.props), ...Object.keys(y.props)])].filter((k) => !isDeepStrictEqual(x.props[k], y.props[k]));
      if (x.label !== y.label) fields.push('(label)');
      if (fields.length > 0) out.push({ op: 'changed', entity, key, label: y.label, fields: fields.sort() });
    }
  };
  const nodes = (g: LoadedGraph) => new Map(g.nodes.map((n) => [n.id, { label: n.label as string, props: n.props as Record<string, unknown> }]));
  const edges = (g: LoadedGraph) => new Map(g.edges.map((e) => [`${e.type}|${e.from}|${e.to}`, { label: e.type as string, props: e.props as Record<string, unknown> }]));
  compare('node', nodes(a), nodes(b));
  compare('relationship', edges(a), edges(b));
  return out.sort(byKey);
}

const byKey = (x: Entry, y: Entry): number => (x.entity + x.key < y.entity + y.key ? -1 : x.entity + x.key > y.entity + y.key ? 1 : 0);

/** A copy of the seed files with a few edits: a node added with a link, one changed, one link gone. */
function editedSeeds(sources: SeedSources): SeedSources {
  const files: Record<string, string> = {};
  for (const dir of ['', 'links', 'profiles']) {
    const full = path.join(sources.seedsDir, dir);
    if (!fs.existsSync(full)) continue;
    for (const f of fs.readdirSync(full).filter((x) => x.endsWith('.yaml'))) files[path.join(dir, f)] = fs.readFileSync(path.join(full, f), 'utf8');
  }
  const components = files['components.yaml'] as string;
  const probe = `  - id: changelog-probe
    name: Change log probe
    kind: product
    description: "A component that exists only in the edited seeds of the change log test."
    source: "dstack-graph-research"
    evidence: inferred
`;
  files['components.yaml'] = components.replace('components:\n', `components:\n${probe}`);
  // BundID's description changes.
  files['components.yaml'] = (files['components.yaml'] as string).replace('Central citizen account of the Bund', 'Central citizen account (edited) of the Bund');
  expect(files['components.yaml']).toContain('(edited)');
  // One link of the research files goes, one new link comes.
  const adoption = files[path.join('links', 'adoption.yaml')] as string;
  const line = adoption.split('\n').find((l) => l.trim().startsWith('- {type: ADOPTS'));
  expect(line).toBeDefined();
  files[path.join('links', 'adoption.yaml')] = adoption
    .replace(`${line as string}\n`, '')
    .replace('\nrelationships:\n', '\nrelationships:\n  - {type: DEPENDS_ON, from: changelog-probe, to: bundid, source: "dstack-graph-research", evidence: inferred}\n');
  expect(files[path.join('links', 'adoption.yaml')]).toContain('changelog-probe');
  return { ...sources, seedsDir: tmpTree(files) };
}

describe('the change log of loads', () => {
  let t: TestDb;
  let api: TestApi;
  let own: OwnNeo4j;
  const sources = defaultSources();
  const read = (q: string, p: Record<string, unknown> = {}) => t.db.read((tx) => tx.runText(q, p));

  beforeAll(async () => {
    // It loads other data and back, and reads the newest load: on a Neo4j of its own, seeded as
    // test/support/globalSetup.ts seeds the shared one.
    own = await startOwnNeo4j({ name: 'changelog', seed: true });
    t = openTestDb({ neo4j: own.neo4j });
    api = await startTestApi({ neo4j: own.neo4j });
  }, 300_000);
  afterAll(async () => {
    try {
      await api?.close();
      await t?.close();
    } finally {
      await own?.stop();
    }
  });

  /** The entries the newest load recorded. */
  async function newestLoad(): Promise<{ id: string; at: string; entries: Entry[]; load: Record<string, unknown> }> {
    const [l] = (await read('MATCH (l:Load) RETURN properties(l) AS load ORDER BY l.at DESC LIMIT 1')) as [{ load: Record<string, unknown> }];
    const rows = (await read('MATCH (c:Change {load: $id}) RETURN c.op AS op, c.entity AS entity, c.key AS key, c.label AS label, c.fields AS fields', { id: l.load.id })) as Entry[];
    return { id: String(l.load.id), at: String(l.load.at), entries: rows.map((r) => ({ ...r, fields: [...r.fields].sort() })).sort(byKey), load: l.load };
  }

  it('records what a load of different data changed, equal to the diff of the files, and the way back', async () => {
    const edited = editedSeeds(sources);
    const original = buildGraph(sources);
    const changed = buildGraph(edited);
    const forward = diff(original, changed);
    // The edits show up (and only through the files): the probe, its link and its six assessments,
    // BundID's description, the removed ADOPTS link.
    expect(forward.filter((e) => e.op === 'added' && e.entity === 'node').map((e) => e.key)).toEqual(['changelog-probe']);
    expect(forward).toContainEqual({ op: 'changed', entity: 'node', key: 'bundid', label: 'Component', fields: ['description'] });
    expect(forward.filter((e) => e.op === 'removed' && e.label === 'ADOPTS')).toHaveLength(1);
    expect(forward.filter((e) => e.op === 'added' && e.label === 'ASSESSED')).toHaveLength(6);
    try {
      await runSeed(t.db, edited, silentLog);
      const there = await newestLoad();
      expect(there.entries).toEqual(forward);
      expect(there.load).toMatchObject({
        initial: false,
        nodesAdded: forward.filter((e) => e.entity === 'node' && e.op === 'added').length,
        nodesChanged: forward.filter((e) => e.entity === 'node' && e.op === 'changed').length,
        relationshipsRemoved: forward.filter((e) => e.entity === 'relationship' && e.op === 'removed').length,
      });
      // The API answers the same log: what changed since just before the load.
      const { data, errors } = await api.exec('query($since: String!) { changes(since: $since, first: 500) { totalCount edges { node { op entity key label fields load { id } } } } }', { since: there.at });
      expect(errors).toBeUndefined();
      const mine = data.changes.edges.map((e: { node: Entry & { load: { id: string } } }) => e.node).filter((c: { load: { id: string } }) => c.load.id === there.id);
      expect(mine.map(({ op, entity, key, label, fields }: Entry) => ({ op, entity, key, label, fields: [...fields].sort() })).sort(byKey)).toEqual(forward);
      // BundID shows the change in its history.
      const h = await api.exec('{ node(id: "bundid") { history(first: 50) { op entity key fields load { id } } } }');
      expect(h.data.node.history).toContainEqual({ op: 'changed', entity: 'node', key: 'bundid', fields: ['description'], load: { id: there.id } });
    } finally {
      await runSeed(t.db, sources, silentLog);
    }
    // The way back: the probe and its links are removed again (the loader deletes what it no longer has).
    const back = await newestLoad();
    expect(back.entries).toEqual(diff(changed, original));
    expect(await read("MATCH (n:GraphNode {id: 'changelog-probe'}) RETURN n.id AS id")).toEqual([]);
    // Loading the same files again records a load that changed nothing.
    await runSeed(t.db, sources, silentLog);
    const same = await newestLoad();
    expect(same.entries).toEqual([]);
    expect(same.load).toMatchObject({ nodesAdded: 0, nodesRemoved: 0, nodesChanged: 0, relationshipsAdded: 0, relationshipsRemoved: 0, relationshipsChanged: 0 });
  }, 300_000);

  it('refuses a bad date and names the form it wants', async () => {
    const { errors } = await api.exec('{ changes(since: "yesterday") { totalCount } }');
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toContain('ISO 8601');
  });
});
