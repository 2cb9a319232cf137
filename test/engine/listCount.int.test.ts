import { listStatement, type CompiledStatement, type ListFilter } from '../../src/engine/statements';
import { openTestDb, type TestDb } from '../support/db';
import { infoOf } from '../support/resolveInfo';

const NONE: ListFilter = { text: null, evidence: null, kind: null, family: null, level: null, scheme: null, layer: null, stack: null, licenceClass: null, operatingModel: null, stage: null, from: null, to: null, expiresFrom: null, expiresTo: null };

interface PlanNode {
  readonly operatorType: string;
  readonly arguments: Record<string, unknown>;
  readonly children: readonly PlanNode[];
}

/** Every operator of a plan, as "Operator details" lines (the database suffix `@neo4j` cut off). */
function operators(plan: PlanNode): string[] {
  return [`${plan.operatorType.replace(/@.*$/, '')} ${String(plan.arguments.Details ?? '')}`, ...plan.children.flatMap(operators)];
}

/**
 * The whole filter as one WHERE, every key guarded by `$key IS NULL OR ...`: the form the list
 * statements had before they joined only the set keys' predicates, kept here as the reference.
 */
const WHOLE_FILTER = `($text IS NULL OR toLower(n.name) CONTAINS toLower($text) OR n.leikaKey = $text)
  AND ($evidence IS NULL OR n.evidence = $evidence)
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($family IS NULL OR n.family = $family)
  AND ($level IS NULL OR n.level = $level OR $level IN coalesce(n.executingLevels, []))
  AND ($scheme IS NULL OR n.scheme = $scheme)
  AND ($layer IS NULL
    OR EXISTS { (n)-[:IN_LAYER]->(:Layer)-[:PART_OF*0..3]->(:Layer {id: $layer}) }
    OR (n:Layer AND EXISTS { (n)-[:PART_OF*0..3]->(:Layer {id: $layer}) }))
  AND ($stack IS NULL OR EXISTS { (:Stack {id: $stack})-[:INCLUDES]->(n) } OR (n:Decision AND n.stack = $stack))
  AND ($licenceClass IS NULL OR n.licenceClass = $licenceClass)
  AND ($operatingModel IS NULL OR $operatingModel IN coalesce(n.operatingModels, []))
  AND ($stage IS NULL OR EXISTS { (s:Stack)-[i:INCLUDES]->(n) WHERE s.id = coalesce($stack, 'stack:germany') AND i.stage = $stage })
  AND ($from IS NULL OR (n.date IS NOT NULL AND n.date >= left($from, size(n.date))))
  AND ($to IS NULL OR (n.date IS NOT NULL AND n.date <= $to))
  AND ($expiresTo IS NULL OR (n.expires IS NOT NULL AND n.expires >= $expiresFrom AND n.expires <= $expiresTo))`;

/** The root list statements of the API on the shared seeded graph: the plan Neo4j makes, and the same answer as the page filter. */
describe('the totalCount of root lists on a real Neo4j', () => {
  let t: TestDb;
  const cypher = (q: string): Promise<Record<string, unknown>[]> => t.db.read((tx) => tx.runText(q));
  const explain = async (s: CompiledStatement): Promise<string[]> => {
    const session = t.driver.session({ database: t.db.database });
    try {
      const result = await session.run(`EXPLAIN ${s.text}`, s.params);
      return operators(result.summary.plan as unknown as PlanNode);
    } finally {
      await session.close();
    }
  };
  const run = async (s: CompiledStatement): Promise<Record<string, unknown>> => (await t.db.read((tx) => tx.runText(s.text, s.params)))[0] ?? {};

  beforeAll(() => {
    t = openTestDb();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads the count store without a filter, alone and next to a page', async () => {
    const alone = listStatement(infoOf('{ services { totalCount } }'), 'Service', NONE, 0, 50);
    expect(await explain(alone)).toEqual(expect.arrayContaining([expect.stringMatching(/^NodeCountFromCountStore count\( \(:Service\) \)/)]));
    const withPage = listStatement(infoOf('{ components(first: 3) { totalCount edges { node { id name } } } }'), 'Component', NONE, 0, 3);
    const plan = await explain(withPage);
    expect(plan).toEqual(expect.arrayContaining([expect.stringMatching(/^NodeCountFromCountStore count\( \(:Component\) \)/)]));
    const [{ n }] = (await cypher('MATCH (n:Component) RETURN count(n) AS n')) as [{ n: number }];
    expect((await run(withPage)).total).toBe(n);
  });

  it('seeks the range index of a filtered field instead of scanning the label', async () => {
    const byKind = listStatement(infoOf('{ components { totalCount } }'), 'Component', { ...NONE, kind: 'basisdienst' }, 0, 50);
    expect(await explain(byKind)).toEqual(expect.arrayContaining([expect.stringMatching(/^NodeIndexSeek RANGE INDEX n:Component\(kind\) WHERE kind = \$kind/)]));
    const byFamily = listStatement(infoOf('{ standards { totalCount } }'), 'Standard', { ...NONE, family: 'XÖV' }, 0, 50);
    expect(await explain(byFamily)).toEqual(expect.arrayContaining([expect.stringMatching(/^NodeIndexSeek RANGE INDEX n:Standard\(family\)/)]));
  });

  it('counts exactly the nodes the pages list, for every filter', async () => {
    // Values that occur in the seed, read from the graph; each predicate of the filter is set in some case.
    const [v] = (await cypher(`RETURN
      COLLECT { MATCH (n:Component) UNWIND n.operatingModels AS m RETURN m LIMIT 1 }[0] AS operatingModel,
      COLLECT { MATCH (:Stack {id: 'stack:germany'})-[i:INCLUDES]->(:Component {kind: 'basisdienst'}) WHERE i.stage IS NOT NULL RETURN i.stage LIMIT 1 }[0] AS stage,
      COLLECT { MATCH (n:Event) RETURN n.kind LIMIT 1 }[0] AS eventKind`)) as [Record<string, string | null>];
    const cases: [string, string, Partial<ListFilter>][] = [
      ['components', 'Component', { kind: 'basisdienst', evidence: 'sourced' }],
      ['components', 'Component', { text: 'bund', licenceClass: 'permissive' }],
      ['components', 'Component', { layer: 'layer:landscape:platform', operatingModel: v.operatingModel ?? null }],
      ['components', 'Component', { stack: 'stack:germany', stage: v.stage ?? null, kind: 'basisdienst' }],
      ['services', 'Service', { level: 'Bund' }],
      ['organizations', 'Organization', { level: 'Land', kind: 'state' }],
      ['layers', 'Layer', { scheme: 'dstack-landscape', layer: 'layer:landscape:platform' }],
      ['decisions', 'Decision', { from: '2024', to: '2026-06' }],
      ['events', 'Event', { kind: v.eventKind ?? null, from: '2020' }],
      ['exceptions', 'Exception', { expiresFrom: '2000-01-01', expiresTo: '2100-12-31' }],
    ];
    let nonZero = 0;
    for (const [list, label, set] of cases) {
      const filter = { ...NONE, ...set };
      const counted = await run(listStatement(infoOf(`{ ${list} { totalCount } }`), label, filter, 0, 50));
      // All of it in one page, and the reference: the whole filter with every key guarded.
      const paged = await run(listStatement(infoOf(`{ ${list} { edges { node { id } } } }`), label, filter, 0, 100_000));
      const reference = await t.db.read((tx) => tx.runText(`MATCH (n:${label}) WHERE ${WHOLE_FILTER} RETURN n.id AS id ORDER BY n.name, n.id`, filter));
      expect({ list, set, total: counted.total }).toEqual({ list, set, total: reference.length });
      expect({ list, set, page: (paged.page as { id: string }[]).map((n) => n.id) }).toEqual({ list, set, page: reference.map((r) => r.id) });
      if (Number(counted.total) > 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThanOrEqual(cases.length - 3);
  }, 240_000);
});
