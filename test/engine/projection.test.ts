import { listStatement, nodeStatement } from '../../src/engine/statements';
import { infoOf } from '../support/resolveInfo';

const NONE = { text: null, evidence: null, kind: null, family: null, level: null, scheme: null, layer: null, stack: null, licenceClass: null, operatingModel: null, stage: null, from: null, to: null, expiresFrom: null, expiresTo: null };

describe('compiled projections', () => {
  it('name only the selected properties, never all of them', () => {
    const s = nodeStatement(infoOf('{ node(id: "x") { id ... on Component { license dependsOn { evidence node { homepage } } } } }'), 'x');
    expect(s.text).toContain('license: v.license');
    expect(s.text).toMatch(/homepage: m\d+\.homepage/);
    expect(s.text).toMatch(/evidence: r\d+\.evidence/);
    expect(s.text).not.toContain('properties(');
    expect(s.text).not.toContain('description');
    expect(s.text).toContain('DEPENDS_ON');
  });

  it('put every value into parameters: ids and bounds never appear in the text', () => {
    const s = nodeStatement(infoOf('query($n: Int) { node(id: "bundid\' OR 1=1") { id ... on Component { usedBy(first: $n) { node { id } } } } }', { n: 7 }), "bundid' OR 1=1");
    expect(s.text).not.toContain('bundid');
    expect(s.text).not.toMatch(/LIMIT 7/);
    expect(Object.values(s.params).map(String)).toEqual(expect.arrayContaining(["bundid' OR 1=1", '7']));
  });

  it('honour @skip, @include and fragments on the Node interface', () => {
    const q = `query($y: Boolean!) { node(id: "x") { ...F ... on Service { uses @skip(if: $y) { node { id } } } } } fragment F on Component { dependents @include(if: $y) { node { id } } }`;
    const yes = nodeStatement(infoOf(q, { y: true }), 'x').text;
    const no = nodeStatement(infoOf(q, { y: false }), 'x').text;
    expect(yes).toContain('`@Component.dependents`');
    expect(yes).not.toContain('`@Service.uses`');
    expect(no).toContain('`@Service.uses`');
    expect(no).not.toContain('`@Component.dependents`');
    expect(yes).toContain('CASE WHEN v:Component');
  });

  it('leave a relationship field with an out-of-range first to its resolver (which reports it)', () => {
    const s = nodeStatement(infoOf('{ node(id: "x") { ... on Component { usedBy(first: 5000) { node { id } } } } }'), 'x');
    expect(s.text).not.toContain('USES');
  });

  it('count a root list only when totalCount is selected, and fetch no page when only totalCount is', () => {
    const filter = { text: null, evidence: null, kind: null, family: null, level: null, scheme: null, layer: null, stack: null, licenceClass: null, operatingModel: null, stage: null, from: null, to: null, expiresFrom: null, expiresTo: null };
    const onlyCount = listStatement(infoOf('{ components { totalCount } }'), 'Component', filter, 0, 50);
    expect(onlyCount.counts).toBe(true);
    expect(onlyCount.pages).toBe(false);
    expect(onlyCount.text).not.toContain('ORDER BY');
    const onlyPage = listStatement(infoOf('{ components { edges { node { id } } } }'), 'Component', filter, 0, 50);
    expect(onlyPage.counts).toBe(false);
    expect(onlyPage.text).not.toContain('count(');
  });

  it('answer the relationship fields of nodes at the other end of a link in the same statement, once per distinct node', () => {
    const s = nodeStatement(infoOf('{ node(id: "x") { ... on Component { dependsOn(first: 7) { node { id dependents(first: 2) { node { id usedBy { node { id } } } } } } } } }'), 'x');
    // Two levels below the root: dependsOn's ends (with their dependents), and those dependents' ends (with usedBy).
    expect(s.levels?.roots).toBe('node');
    expect(s.levels?.list.map((l) => [l.parent, l.key])).toEqual([
      [-1, '@Component.dependsOn'],
      [0, '@Component.dependents'],
    ]);
    expect(s.text.match(/WITH DISTINCT/g)).toHaveLength(2);
    for (const l of s.levels?.list ?? []) expect(s.text).toContain(`AS ${l.column}`);
    // The level reaches its nodes with the field's own bound (a parameter, as in the field's subquery).
    expect(s.text).not.toMatch(/LIMIT 7/);
    expect(s.text).not.toContain('properties(');
  });

  it('register no level when the nodes at the other end select no relationship field', () => {
    const s = listStatement(infoOf('{ components(first: 3) { edges { node { id dependsOn { node { id name } } } } } }'), 'Component', NONE, 0, 3);
    expect(s.levels).toBeUndefined();
    expect(s.text).not.toContain('DISTINCT');
    const nested = listStatement(infoOf('{ components(first: 3) { edges { node { id dependsOn { node { dependsOn { node { id } } } } } } } }'), 'Component', NONE, 0, 3);
    expect(nested.levels?.roots).toBe('page');
    expect(nested.levels?.list).toHaveLength(1);
  });

  it('filter a level by the parent type when the parent may be of several types', () => {
    const s = nodeStatement(infoOf('{ node(id: "x") { ... on Service { uses { node { id dependsOn { node { id } } } } } ... on Component { dependsOn { node { dependsOn { node { id } } } } } } }'), 'x');
    expect(s.levels?.list.map((l) => l.key).sort()).toEqual(['@Component.dependsOn', '@Service.uses']);
    expect(s.text).toMatch(/WHERE v\d+:Service/);
    expect(s.text).toMatch(/WHERE v\d+:Component/);
  });
});
