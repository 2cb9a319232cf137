import { describe, expect, it } from '@jest/globals';
import { compareSignatures } from '../../bench/compare';
import { buildMix, HTTP_FLOOR, httpFloorQuery, type MixParams } from '../../bench/mix';
import { readRawCypher } from '../../bench/raw/rawCypher';

const params: MixParams = { hub: 'pvog', mid: 'eu-eid', nodeId: 'bundid', subgraphId: 'pvog', serviceId: 'leika:1', searchText: 'Wohngeld', today: '2026-01-01' };
const mix = buildMix({ pagedImpact: true });
const byKey = (k: string) => {
  const q = mix.find((x) => x.key === k);
  if (!q) throw new Error(k);
  return q;
};

describe('buildMix', () => {
  it('has the seven queries of the issue in order', () => {
    expect(mix.map((q) => q.key)).toEqual(['hubImpact', 'midImpact', 'componentList', 'node', 'subgraph', 'search', 'compliance']);
  });

  it('pages the API impact report only when the API takes services(first:)', () => {
    expect(byKey('hubImpact').api(params).query).toContain('services(first: 100)');
    expect(buildMix({ pagedImpact: false })[0]?.api(params).query).not.toContain('services(first');
    expect(byKey('hubImpact').api(params).variables).toEqual({ id: 'pvog' });
    expect(byKey('midImpact').peer(params).variables).toEqual({ id: 'eu-eid' });
  });
});

describe('signatures', () => {
  it('impact: the three shapes agree, and only the first 100 services count', () => {
    const services = Array.from({ length: 120 }, (_, i) => ({ service: { id: `s${i}` }, distance: 1 }));
    const summary = { componentCount: 1, serviceCount: 120, byLayer: [{ node: { id: 'l' }, count: 2 }], byTopic: [], byExecutingLevel: [{ level: 'Land', count: 3 }] };
    const q = byKey('hubImpact');
    const api = q.signature.api({ impactAnalysis: { summary, services } });
    const peer = q.signature.peer({ impactAnalysis: { summary, services: services.slice(0, 100) } });
    const raw = q.signature.raw([{ report: { summary, services: services.slice(0, 100) } }]);
    expect(compareSignatures(raw, api)).toEqual([]);
    expect(compareSignatures(raw, peer)).toEqual([]);
    expect(raw.services?.values[0]).toBe('s0@1');
    expect(raw.byLayer?.values).toEqual(['l=2']);
  });

  it('component list: links of the API, plain lists of the peer and raw maps give the same signature', () => {
    const q = byKey('componentList');
    const api = q.signature.api({
      components: { totalCount: 2, edges: [{ node: { id: 'a', dependsOn: [{ node: { id: 'b', dependsOn: [{ node: { id: 'c' } }] } }], usedBy: [{ node: { id: 's' } }] } }] },
    });
    const peer = q.signature.peer({ componentsConnection: { totalCount: 2, edges: [{ node: { id: 'a', dependsOn: [{ id: 'b', dependsOn: [{ id: 'c' }] }], usedBy: [{ id: 's' }] } }] } });
    const raw = q.signature.raw([{ totalCount: 2, components: [{ id: 'a', dependsOn: [{ id: 'b', dependsOn: [{ id: 'c' }] }], usedBy: [{ id: 's' }] }] }]);
    expect(compareSignatures(raw, api)).toEqual([]);
    expect(compareSignatures(raw, peer)).toEqual([]);
    expect(raw.dependsOn2?.values).toEqual(['a>b>c']);
  });

  it('node: the peer must find exactly one node', () => {
    const q = byKey('node');
    const raw = q.signature.raw([{ node: { id: 'bundid', dependsOn: ['x'], dependents: [], implements: [], usedBy: [], layers: [], stacks: [] } }]);
    const api = q.signature.api({ node: { id: 'bundid', dependsOn: [{ node: { id: 'x' } }], dependents: [], implements: [], usedBy: [], layers: [], stacks: [] } });
    expect(compareSignatures(raw, api)).toEqual([]);
    const none = q.signature.peer({ graphNodes: [] });
    expect(compareSignatures(raw, none).map((d) => d.key)).toEqual(['dependsOn', 'id']);
  });

  it('subgraph: nodes and edges compare as sets', () => {
    const q = byKey('subgraph');
    const a = q.signature.api({ subgraph: { nodes: [{ id: 'a', label: 'Component' }, { id: 'b', label: 'Service' }], edges: [{ source: 'b', target: 'a', type: 'USES' }] } });
    const b = q.signature.raw([{ subgraph: { nodes: [{ id: 'b', label: 'Service' }, { id: 'a', label: 'Component' }], edges: [{ source: 'b', target: 'a', type: 'USES' }] } }]);
    expect(compareSignatures(b, a)).toEqual([]);
  });

  it('search: hits compare in order; compliance: score, counts and items', () => {
    const s = byKey('search');
    expect(compareSignatures(s.signature.raw([{ hit: { node: { id: 'x' } } }, { hit: { node: { id: 'y' } } }]), s.signature.api({ search: [{ node: { id: 'y' } }, { node: { id: 'x' } }] }))).toHaveLength(1);
    const c = byKey('compliance');
    const report = { score: 0.5, muss: { met: 1, violated: 1, items: [{ requirement: { id: 'r1' }, status: 'met' }] }, soll: { met: 0, violated: 0, items: [] } };
    expect(compareSignatures(c.signature.raw([{ report }]), c.signature.api({ compliance: { ...report, score: 0.5000000001 } }))).toEqual([]);
    expect(compareSignatures(c.signature.raw([{ report }]), c.signature.peer({ compliance: { ...report, score: 0.6 } })).map((d) => d.key)).toEqual(['score']);
  });
});

describe('the raw subgraph statement', () => {
  it('leaves out exactly the derived relationship types, as the API does without `types`', () => {
    const text = require('node:fs').readFileSync(require('node:path').join(__dirname, '../../bench/raw/subgraph.cypher'), 'utf8') as string;
    const lists = [...text.matchAll(/NOT type\(\w+\) IN \[([^\]]*)\]/g)].map((m) => m[1]!.split(',').map((s) => s.trim().replace(/'/g, '')).sort());
    const { DERIVED_REL_TYPES } = require('../../src/model') as typeof import('../../src/model');
    expect(lists).toEqual([[...DERIVED_REL_TYPES].sort(), [...DERIVED_REL_TYPES].sort()]);
  });
});

describe('httpFloorQuery', () => {
  it('asks both servers for { __typename } and raw Cypher for RETURN 1, and all three sign the same', () => {
    const f = httpFloorQuery();
    expect(f.key).toBe(HTTP_FLOOR);
    expect(f.api(params).query).toBe('{ __typename }');
    expect(f.peer(params).query).toBe('{ __typename }');
    expect(readRawCypher(f.raw)).toMatch(/^RETURN 1 AS one$/m);
    const api = f.signature.api({ __typename: 'Query' });
    expect(compareSignatures(api, f.signature.peer({ __typename: 'Query' }))).toEqual([]);
    expect(compareSignatures(api, f.signature.raw([{ one: 1 }]))).toEqual([]);
    expect(compareSignatures(api, f.signature.raw([]))).toHaveLength(1);
  });
});
