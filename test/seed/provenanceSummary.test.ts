import { formatProvenance, summarizeProvenance, type LoadedGraph } from '../../src/seed/seed';

describe('the provenance summary of a load', () => {
  it('counts sources by kind, rule links, and services whose component use is stated or only inferred', () => {
    const node = (label: 'Service' | 'Component' | 'Standard', id: string) => ({ label, id, origin: 't', props: { id, name: id, source: 's', evidence: 'sourced' } });
    const edge = (from: string, to: string, evidence: string, rule?: string) => ({ type: 'USES' as const, from, to, origin: 't', props: { source: 's', evidence, ...(rule ? { rule } : {}) } });
    const entry = (id: string, kind: 'law' | 'press') => ({ id, kind, url: `https://example.org/${id}`, publisher: null, title: null, language: null, published: null, retrieved: null, via: null, note: null, titleFromAddress: false, nodeCount: 0, relationshipCount: 0 });
    const graph = {
      nodes: [node('Service', 'a'), node('Service', 'b'), node('Service', 'c'), node('Service', 'd'), node('Component', 'x'), node('Standard', 'y')],
      edges: [edge('a', 'x', 'sourced'), edge('a', 'x', 'inferred', 'rule:r'), edge('b', 'x', 'inferred', 'rule:r'), edge('c', 'y', 'sourced')],
      sources: [entry('l1', 'law'), entry('l2', 'law'), entry('p', 'press')],
      rules: [{ id: 'rule:r', edgeCount: 2 }],
    } as unknown as LoadedGraph;
    const p = summarizeProvenance(graph);
    // c uses only a standard, d nothing: neither counts as known component use.
    expect(p).toEqual({ sourcesByKind: { law: 2, press: 1 }, rules: [{ id: 'rule:r', edgeCount: 2 }], services: 4, componentUse: { sourced: 1, inferred: 1 }, factsByEvidence: {} });
    expect(formatProvenance(p).split('\n')).toEqual([
      'facts by evidence: sourced 0, secondary 0, reported 0, inferred 0',
      'sources: 3 in the registry (law 2, press 1)',
      'rules: 1 made 2 inferred links (rule:r 2)',
      'component use known for 2 of 4 services: stated by a source for 1, inferred for 1',
      '',
    ]);
  });
});
