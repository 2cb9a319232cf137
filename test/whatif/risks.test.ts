import { buildUseGraph, type UseEdge } from '../../src/whatif/engine';
import { chainsFrom, lostToday, risksOf, servicesReaching, type ItemRiskFacts } from '../../src/whatif/risks';
import { applyRoles } from '../../src/seed/roles';
import type { GraphEdge, GraphNode } from '../../src/seed/graph';

const facts = (over: Partial<ItemRiskFacts>): ItemRiskFacts => ({ id: 'x', stage: null, endOfSupport: null, licenceClass: null, licence: null, label: 'Component', steward: null, stewardCountry: null, stewardType: null, euCheck: null, notMet: [], ...over });

describe('risks', () => {
  it('reads lifecycle, end of support, licence, jurisdiction and criteria', () => {
    expect(risksOf(facts({ stage: 'retire' }), '2026-12-01').map((r) => r.kind)).toEqual(['lifecycle_retire']);
    expect(risksOf(facts({ endOfSupport: '2026-11-30' }), '2026-12-01').map((r) => r.kind)).toEqual(['end_of_support_passed']);
    expect(risksOf(facts({ endOfSupport: '2027-04-20' }), '2026-12-01').map((r) => r.kind)).toEqual(['end_of_support_near']);
    expect(risksOf(facts({ endOfSupport: '2028-01-01' }), '2026-12-01')).toEqual([]);
    expect(risksOf(facts({ licenceClass: 'source-available', licence: 'SSPL-1.0' }), '2026-12-01').map((r) => r.kind)).toEqual(['licence_source_available']);
    // A vendor's stated seat decides; without one, the landscape's check (components only).
    expect(risksOf(facts({ steward: 'Oracle', stewardType: 'vendor', stewardCountry: 'US', euCheck: true }), '2026-12-01').map((r) => r.kind)).toEqual(['steward_outside_eu']);
    expect(risksOf(facts({ steward: 'SUSE', stewardType: 'vendor', stewardCountry: 'DE', euCheck: false }), '2026-12-01')).toEqual([]);
    expect(risksOf(facts({ euCheck: false }), '2026-12-01').map((r) => r.kind)).toEqual(['steward_outside_eu']);
    // A standards body's or foundation's seat is no vendor risk; nor is a standard's missing steward.
    expect(risksOf(facts({ label: 'Standard', steward: 'OASIS', stewardType: 'body', stewardCountry: 'US', euCheck: false }), '2026-12-01')).toEqual([]);
    expect(risksOf(facts({ steward: 'CNCF', stewardType: 'body', stewardCountry: 'US', euCheck: false }), '2026-12-01')).toEqual([]);
    expect(risksOf(facts({ label: 'Standard', euCheck: false }), '2026-12-01')).toEqual([]);
    expect(risksOf(facts({ notMet: ['Nachhaltigkeit', 'Marktrelevanz'] }), '2026-12-01')).toHaveLength(2);
    expect([...lostToday([facts({ id: 'a', stage: 'retire' }), facts({ id: 'b', endOfSupport: '2020-01-01' }), facts({ id: 'c', stage: 'hold' })], '2026-12-01')].sort()).toEqual(['a', 'b']);
  });

  it('finds the shortest chains forward from a service and backward from risky items, and they agree', () => {
    const e = (from: string, to: string, fromLabel: 'Service' | 'Component' = 'Component', type: UseEdge['type'] = 'DEPENDS_ON'): UseEdge => ({ from, fromLabel, type, to, role: null, need: null, optional: false });
    const g = buildUseGraph([e('s1', 'a', 'Service', 'USES'), e('s2', 'b', 'Service', 'USES'), e('a', 'b'), e('b', 'c'), e('a', 'std', 'Component', 'IMPLEMENTS'), e('s3', 'c', 'Service', 'USES')]);
    expect(chainsFrom(g, 's1', 6).get('c')).toEqual(['s1', 'a', 'b', 'c']);
    expect(chainsFrom(g, 's1', 2).has('c')).toBe(false);
    const reached = servicesReaching(g, ['c'], 6);
    expect([...reached.keys()].sort()).toEqual(['s1', 's2', 's3']);
    for (const [s, chain] of reached) expect(chainsFrom(g, s, 6).get('c')).toEqual(chain);
  });
});

describe('roles on uses', () => {
  const node = (id: string, label: GraphNode['label'] = 'Component'): GraphNode => ({ label, id, origin: `x: ${id}`, props: { id, name: id.toUpperCase(), source: 's', evidence: 'sourced' } });
  const edge = (type: GraphEdge['type'], from: string, to: string, props: Record<string, string | number> = {}): GraphEdge => ({ type, from, to, origin: `seeds/x.yaml: relationships (${type} ${from} -> ${to})`, props: { source: 's', evidence: 'sourced', ...props } });

  it('infers one role for uses of alternatives of each other, needing any one', () => {
    const { graph, issues } = applyRoles({
      nodes: [node('a'), node('b'), node('c'), node('v', 'Service'), node('w', 'Service')],
      edges: [edge('ALTERNATIVE_TO', 'a', 'b', { guidance: 'g' }), edge('ALTERNATIVE_TO', 'b', 'c', { guidance: 'g' }), edge('USES', 'v', 'a'), edge('USES', 'v', 'c'), edge('USES', 'w', 'a')],
    });
    expect(issues).toEqual([]);
    const roleOf = (from: string, to: string) => graph.edges.find((x) => x.type === 'USES' && x.from === from && x.to === to)?.props;
    expect(roleOf('v', 'a')).toMatchObject({ role: 'alternatives:a', roleName: 'A / B / C', roleEvidence: 'inferred', roleRule: 'rule:role-by-alternatives' });
    expect(roleOf('v', 'c')?.role).toBe('alternatives:a');
    // A consumer with one member of the group has no redundancy to record.
    expect(roleOf('w', 'a')?.role).toBeUndefined();
  });

  it('refuses a need larger than the providers of the role, naming file, entry and field', () => {
    const { issues } = applyRoles({
      nodes: [node('a'), node('b'), node('v', 'Service')],
      edges: [edge('USES', 'v', 'a', { role: 'login', need: 3 }), edge('USES', 'v', 'b', { role: 'login', need: 3 })],
    });
    expect(issues[0]).toMatchObject({ file: 'seeds/x.yaml', field: 'need' });
    expect(issues[0]?.message).toContain('only 2 provider(s) of role "login"');
  });
});
