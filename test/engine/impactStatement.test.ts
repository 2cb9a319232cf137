import { executingLevelGroups, layerGroups, lifeSituationGroups, organizationGroups, ozGroups, topicGroups } from '../../src/engine/impactGroups';
import { componentPage, servicePage } from '../../src/engine/impactPages';
import { depthBound, hitSearch, originMatch, servicesOfHits } from '../../src/engine/impactSearch';
import { selectImpact } from '../../src/engine/impactSelection';
import { impactStatement } from '../../src/engine/impactStatement';
import { encodeCursor } from '../../src/engine/paging';
import { infoOf } from '../support/resolveInfo';

/** The `(o)<-[...*1..d]-(c)` patterns of a text. */
const searches = (text: string): string[] => text.match(/\(o\)<-\[[^\]]*\]-\(c:Component\)/g) ?? [];

describe('the parts of the impact statement', () => {
  it('match the origin by a parameter', () => {
    expect(originMatch('$p0')).toBe("MATCH (o:GraphNode {id: $p0})\nWITH o, head([l IN labels(o) WHERE l <> 'GraphNode']) AS originLabel");
  });

  it('search breadth first once, or twice (all links and sourced links) when the evidence is needed', () => {
    expect(hitSearch({ maxDepth: 4, sourcedOnly: false, evidence: false })).toBe(`CALL (o, originLabel) {
  WITH o WHERE originLabel IN ['Component', 'Standard']
  MATCH p = (o)<-[rs:DEPENDS_ON|IMPLEMENTS*1..4]-(c:Component)
  WHERE c <> o
  WITH c, min(length(p)) AS d
  ORDER BY d, c.id
  RETURN collect({n: c, d: d, e: null}) AS comps
}`);
    const both = hitSearch({ maxDepth: 6, sourcedOnly: false, evidence: true });
    // All links, sourced links, and sourced or secondary links.
    expect(searches(both)).toEqual(['(o)<-[:DEPENDS_ON|IMPLEMENTS*1..6]-(c:Component)', '(o)<-[rs:DEPENDS_ON|IMPLEMENTS*1..6]-(c:Component)', '(o)<-[rs:DEPENDS_ON|IMPLEMENTS*1..6]-(c:Component)']);
    expect(both).toContain("all(r IN rs WHERE r.evidence IN ['sourced', 'secondary'])");
    expect(both).toContain('UNION ALL');
    expect(both).toContain("CASE WHEN sd = d THEN 'sourced' WHEN td = d THEN 'secondary' ELSE 'inferred' END");
    // Sourced links only: one search, every hit sourced.
    const sourced = hitSearch({ maxDepth: 6, sourcedOnly: true, evidence: true });
    expect(searches(sourced)).toHaveLength(1);
    expect(sourced).toContain("WHERE c <> o AND all(r IN rs WHERE r.evidence = 'sourced')");
    expect(sourced).toContain("e: 'sourced'");
  });

  it('put only a checked integer 1..10 into the depth bound', () => {
    expect(depthBound(10)).toBe(10);
    for (const bad of [0, 11, 2.5, Number.NaN]) expect(() => hitSearch({ maxDepth: bad, sourcedOnly: false, evidence: false })).toThrow(`maxDepth ${bad} outside 1..10`);
  });

  it('find the services of all hits in one expansion, preferring a sourced chain among the nearest', () => {
    const plain = servicesOfHits({ sourcedOnly: false, evidence: false });
    expect(plain).toContain("UNWIND [{n: o, d: 0, e: 'sourced'}] + comps AS h");
    expect(plain).toContain('MATCH (s:Service)-[u:USES]->(x)\n  WITH s, min(d) + 1 AS d, null AS e');
    expect(plain).toMatch(/RETURN collect\(\{s: s, d: d, e: e\}\) AS svcs\n\}$/);
    expect(servicesOfHits({ sourcedOnly: false, evidence: true })).toContain("WITH s, key / 3 AS d, CASE key % 3 WHEN 0 THEN 'sourced' WHEN 1 THEN 'secondary' ELSE 'inferred' END AS e");
    expect(servicesOfHits({ sourcedOnly: true, evidence: true })).toContain("MATCH (s:Service)-[u:USES]->(x) WHERE u.evidence = 'sourced'");
  });

  it('slice a page of components out of the sorted hits, a chain only when one is projected', () => {
    expect(componentPage({ from: '$p1', to: '$p2', component: '{id: c.id}', path: null, sourcedOnly: false })).toBe(`CALL (o, comps) {
  UNWIND comps[$p1..$p2] AS h
  WITH h.n AS c, h.d AS d, h.e AS e
  WITH c, d, e, null AS path
  RETURN collect({distance: d, evidence: e, path: path, component: {id: c.id}}) AS componentPage
}`);
    const chain = componentPage({ from: '$p1', to: '$p2', component: '{id: c.id}', path: '{id: n.id}', sourcedOnly: false });
    expect(chain).toContain("MATCH q = ANY SHORTEST (c)-[r:DEPENDS_ON|IMPLEMENTS WHERE coalesce(e, '') <> 'sourced' OR r.evidence = 'sourced']->{1,10}(o)");
    expect(chain).toContain('WITH c, d, e, [n IN nodes(q) | {id: n.id}] AS path');
    expect(chain).not.toContain('ORDER BY');
  });

  it('slice a page of services, the used hit only when `via` is projected', () => {
    const bare = servicePage({ from: '$p3', to: '$p4', service: '{id: s.id}', via: null, sourcedOnly: false });
    expect(bare).toContain('UNWIND svcs[$p3..$p4] AS h');
    expect(bare).toContain('WITH s, d, e, null AS via');
    expect(bare).not.toContain('USES');
    const via = servicePage({ from: '$p3', to: '$p4', service: '{id: s.id}', via: '{id: x.id}', sourcedOnly: true });
    expect(via).toContain("WHERE u.evidence = 'sourced' AND ((d = 1 AND x = o)");
    expect(via).toContain("ANY SHORTEST (x)-[r:DEPENDS_ON|IMPLEMENTS WHERE r.evidence = 'sourced']->{1,10}(o)");
    expect(via).toContain('WITH x ORDER BY sourced DESC, x.id LIMIT 1\n    RETURN {id: x.id} AS via');
  });

  it('count the summary groups in the database, largest first', () => {
    expect(layerGroups('{id: l.id}')).toBe(`CALL (o, comps) {
  UNWIND [o] + [h IN comps | h.n] AS x
  MATCH (x)-[:IN_LAYER]->(l:Layer)
  WITH l, count(*) AS count
  ORDER BY count DESC, l.id
  RETURN collect({count: count, node: {id: l.id}}) AS byLayer
}`);
    expect(ozGroups()).toContain('WITH [(s)-[:PART_OF]->(oz:OzgService) | oz] AS ozs');
    expect(lifeSituationGroups('{id: ls.id}')).toContain('ORDER BY count DESC, ls.id\n  RETURN collect({count: count, node: {id: ls.id}}) AS byLifeSituation');
    expect(topicGroups('{id: t.id}')).toContain('RETURN DISTINCT t');
    expect(executingLevelGroups()).toContain('UNWIND coalesce(h.s.executingLevels, []) AS level');
    const orgs = organizationGroups({ first: '$p9', organization: '{id: org.id}' });
    expect(orgs).toContain('MATCH (org:Organization)-[r:OPERATES|ADOPTS]->(x)');
    expect(orgs).toContain('MATCH (org:Organization)-[r:OFFERS]->(s)');
    expect(orgs).toContain('UNWIND orgs[0..$p9] AS a');
    expect(orgs).toContain('RETURN size(orgs) AS organizationCount, organizations, byOrganizationLevel');
  });
});

describe('the impact statement', () => {
  it('puts every value into parameters: the id, the pages and the organisations asked for never appear in the text', () => {
    const id = "bundid' OR 1=1";
    const q = `query($n: Int) { impactAnalysis(id: "x") { components(first: $n, after: "${encodeCursor(41)}") { distance } services(first: 77) { distance } summary { organizations(first: 33) { relations } } } }`;
    const { statement } = impactStatement(infoOf(q, { n: 13 }), id, 6);
    expect(statement.text).not.toContain('bundid');
    expect(statement.text).not.toMatch(/\b(13|42|55|77|33)\b/);
    expect(Object.values(statement.params).map(String)).toEqual([id, '42', '55', '0', '77', '33']);
    expect(statement.text).toContain('UNWIND comps[$p');
    expect(statement.name).toBe('impact');
  });

  it('builds only the parts the query selected', () => {
    const onlyCount = impactStatement(infoOf('{ impactAnalysis(id: "x") { summary { componentCount } } }'), 'x', 6).statement.text;
    expect(searches(onlyCount)).toHaveLength(1);
    expect(onlyCount).not.toContain('AS svcs');
    expect(onlyCount).not.toContain('componentPage');
    expect(onlyCount).toMatch(/\nRETURN originLabel, \{[^\n]*\} AS origin, size\(comps\) AS componentCount, size\(\[h IN comps WHERE h.e = 'sourced'\]\) AS componentsSourced, size\(\[h IN comps WHERE h.e = 'secondary'\]\) AS componentsSecondary$/);

    const all = impactStatement(
      infoOf(`{ impactAnalysis(id: "x") {
        components { evidence path { id } component { id } } services { via { id } service { id } }
        summary { byLayer { count } byTopic { count } byLifeSituation { count } byExecutingLevel { level } organizationCount } } }`),
      'x',
      6,
    ).statement.text;
    expect(searches(all)).toHaveLength(3);
    for (const part of ['AS svcs', 'AS componentPage', 'AS servicePage', 'AS byLayer', 'AS ozGroups', 'AS byLifeSituation', 'AS byTopic', 'AS byExecutingLevel', 'AS organizationCount']) expect(all).toContain(part);
  });

  it('counts the services for coverage only through the groups coverage needs', () => {
    const { plan } = selectImpact(infoOf('{ impactAnalysis(id: "x") { summary { coverage { byTopic { key } byLevel { key } } } } }'));
    expect(plan).toMatchObject({ byTopic: true, byExecutingLevel: true, byLifeSituation: false, services: null, coverage: true });
  });

  it('fetches one range for all aliases of a hit list', () => {
    const { plan } = selectImpact(infoOf(`{ impactAnalysis(id: "x") { a: components(first: 3) { distance } b: components(first: 4, after: "${encodeCursor(9)}") { distance } } }`));
    expect(plan.components).toEqual({ skip: 0, limit: 14 });
    expect(plan.services).toBeNull();
  });

  it('refuses a page out of range with the rule and the value', () => {
    expect(() => impactStatement(infoOf('{ impactAnalysis(id: "x") { components(first: 1001) { distance } } }'), 'x', 6)).toThrow('first must be from 1 to 1000, got 1001');
    expect(() => impactStatement(infoOf('{ impactAnalysis(id: "x") { services(after: "nope") { distance } } }'), 'x', 6)).toThrow('after must be a cursor from a previous page');
  });
});
