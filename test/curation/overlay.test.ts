import { applyChangeSet, type Stamp } from '../../src/curation/applyChangeSet';
import type { Base, GraphView, Operation } from '../../src/curation/changeSet';
import { applyOverlay, pending, type OverlayEntry } from '../../src/curation/overlay';
import type { Graph } from '../../src/seed/assemble';
import type { GraphEdge, GraphNode, PropValue } from '../../src/seed/graph';

const node = (id: string, props: Record<string, PropValue> = {}, label: GraphNode['label'] = 'Component'): GraphNode => ({
  label,
  id,
  props: { id, name: id.toUpperCase(), kind: 'product', evidence: 'sourced', source: 'https://landscape.example', ...props },
  origin: `seeds/components.yaml: ${id}`,
});
const edge = (type: GraphEdge['type'], from: string, to: string, props: Record<string, PropValue> = {}): GraphEdge => ({
  type,
  from,
  to,
  props: { evidence: 'sourced', source: 'https://landscape.example', ...props },
  origin: `seeds/links.yaml: ${from}`,
});

/** The seed graph: three components and one dependency. */
const GRAPH: Graph = {
  nodes: [node('bundid', { status: 'old' }), node('xta'), node('fitconnect')],
  edges: [edge('DEPENDS_ON', 'fitconnect', 'bundid', { scope: 'required' })],
};

function viewOf(graph: Graph): GraphView {
  return {
    node: (id) => {
      const n = graph.nodes.find((x) => x.id === id);
      return n ? { label: n.label, props: n.props } : null;
    },
    link: (type, from, to) => graph.edges.find((e) => e.type === type && e.from === from && e.to === to)?.props ?? null,
  };
}

const stamp = (proposal: string): Stamp => ({
  proposal,
  organization: 'org:bmi',
  reviewer: 'Rita Reviewer',
  evidence: 'sourced',
  citations: ['ozg-1'],
  sourceText: 'https://ozg.example/1',
});
const stamped = (proposal: string) => ({ sources: ['ozg-1'], proposal, contributedBy: 'org:bmi', reviewedBy: 'Rita Reviewer' });

/** An entry as accept records it: the bases of its operations against `acceptedOn`. */
function accepted(id: string, operations: Operation[], acceptedOn: Graph = GRAPH): OverlayEntry {
  return { id, operations, bases: applyChangeSet(operations, viewOf(acceptedOn), stamp(id)).bases, stamp: stamp(id) };
}
const setStatus = (id: string, status: string): Operation => ({ op: 'changeNode', id, set: { status }, unset: [] });
const byId = (g: Graph, id: string): GraphNode | undefined => g.nodes.find((n) => n.id === id);

describe('applyOverlay', () => {
  it('applies an entry whose bases match, marking what it wrote with the proposal', () => {
    const entry = accepted('p-1', [
      setStatus('bundid', 'live'),
      { op: 'addNode', label: 'Component', id: 'govdata', properties: { name: 'GovData', kind: 'platform' } },
      { op: 'addLink', type: 'DEPENDS_ON', from: 'govdata', to: 'bundid', properties: { scope: 'optional' } },
      { op: 'removeLink', type: 'DEPENDS_ON', from: 'fitconnect', to: 'bundid' },
    ]);
    expect(applyOverlay(GRAPH, [entry])).toEqual({
      graph: {
        nodes: [
          {
            label: 'Component',
            id: 'bundid',
            props: { ...GRAPH.nodes[0]!.props, status: 'live', ...stamped('p-1'), source: 'https://landscape.example ; https://ozg.example/1' },
            origin: 'curation: proposal p-1 (bundid)',
          },
          GRAPH.nodes[1],
          GRAPH.nodes[2],
          {
            label: 'Component',
            id: 'govdata',
            props: { id: 'govdata', name: 'GovData', kind: 'platform', evidence: 'sourced', source: 'https://ozg.example/1', ...stamped('p-1') },
            origin: 'curation: proposal p-1 (govdata)',
          },
        ],
        edges: [
          {
            type: 'DEPENDS_ON',
            from: 'govdata',
            to: 'bundid',
            props: { scope: 'optional', evidence: 'sourced', source: 'https://ozg.example/1', ...stamped('p-1') },
            origin: 'curation: proposal p-1 (DEPENDS_ON govdata -> bundid)',
          },
        ],
      },
      conflicts: [],
      applied: ['p-1'],
    });
  });

  it('removes a node with every link that touches it', () => {
    const { graph, conflicts } = applyOverlay(GRAPH, [accepted('p-1', [{ op: 'removeNode', id: 'bundid' }])]);
    expect(conflicts).toEqual([]);
    expect(graph).toEqual({ nodes: [GRAPH.nodes[1], GRAPH.nodes[2]], edges: [] });
  });

  it('does not change the graph it is given', () => {
    const copy = JSON.parse(JSON.stringify(GRAPH)) as Graph;
    applyOverlay(GRAPH, [accepted('p-1', [setStatus('bundid', 'live'), { op: 'removeNode', id: 'xta' }])]);
    expect(GRAPH).toEqual(copy);
  });

  it('skips what is already there: no conflict, nothing stamped or changed twice', () => {
    const entry = accepted('p-1', [setStatus('bundid', 'live'), { op: 'addNode', label: 'Component', id: 'govdata', properties: { name: 'GovData', kind: 'platform' } }]);
    // The seed files took both facts over.
    const merged: Graph = { nodes: [node('bundid', { status: 'live' }), GRAPH.nodes[1]!, GRAPH.nodes[2]!, node('govdata', { name: 'GovData', kind: 'platform' })], edges: GRAPH.edges };
    expect(applyOverlay(merged, [entry])).toEqual({ graph: merged, conflicts: [], applied: ['p-1'] });
    // Laid over its own result again, an entry changes nothing.
    const once = applyOverlay(GRAPH, [entry]);
    expect(applyOverlay(once.graph, [entry])).toEqual(once);
  });

  it('applies the rest of an entry whose facts are partly in the graph already', () => {
    const entry = accepted('p-1', [setStatus('bundid', 'live'), setStatus('xta', 'beta')]);
    const merged: Graph = { nodes: [node('bundid', { status: 'live' }), GRAPH.nodes[1]!, GRAPH.nodes[2]!], edges: GRAPH.edges };
    const { graph, conflicts } = applyOverlay(merged, [entry]);
    expect(conflicts).toEqual([]);
    expect(byId(graph, 'bundid')).toEqual(merged.nodes[0]);
    expect(byId(graph, 'xta')?.props).toEqual({ ...GRAPH.nodes[1]!.props, status: 'beta', ...stamped('p-1'), source: 'https://landscape.example ; https://ozg.example/1' });
  });

  it('lists a conflict when the target is no longer in the graph', () => {
    const entry = accepted('p-1', [setStatus('xta', 'beta')]);
    const withoutXta: Graph = { nodes: [GRAPH.nodes[0]!, GRAPH.nodes[2]!], edges: GRAPH.edges };
    expect(applyOverlay(withoutXta, [entry])).toEqual({
      graph: withoutXta,
      conflicts: [{ proposal: 'p-1', operation: 0, target: 'node "xta"', message: 'node "xta" is no longer in the graph (the seed files removed it)' }],
      applied: [],
    });
  });

  it('lists a conflict naming the property that changed since the accept', () => {
    const entry = accepted('p-1', [{ op: 'changeNode', id: 'bundid', set: { status: 'live' }, unset: ['homepage'] }]);
    const changedSeed: Graph = { nodes: [node('bundid', { status: 'retired' }), GRAPH.nodes[1]!, GRAPH.nodes[2]!], edges: GRAPH.edges };
    expect(applyOverlay(changedSeed, [entry]).conflicts).toEqual([
      { proposal: 'p-1', operation: 0, target: 'node "bundid"', message: 'node "bundid" changed since the proposal was accepted (status): review it again' },
    ]);
    const linkEntry = accepted('p-2', [{ op: 'removeLink', type: 'DEPENDS_ON', from: 'fitconnect', to: 'bundid' }]);
    const changedLink: Graph = { nodes: GRAPH.nodes, edges: [edge('DEPENDS_ON', 'fitconnect', 'bundid', { scope: 'optional' })] };
    expect(applyOverlay(changedLink, [linkEntry]).conflicts).toEqual([
      { proposal: 'p-2', operation: 0, target: 'DEPENDS_ON fitconnect -> bundid', message: 'DEPENDS_ON fitconnect -> bundid changed since the proposal was accepted (scope): review it again' },
    ]);
  });

  it('lists a conflict when the seed files added what the entry adds, with other properties', () => {
    const entry = accepted('p-1', [{ op: 'addNode', label: 'Component', id: 'govdata', properties: { name: 'GovData', kind: 'platform' } }]);
    const seeded: Graph = { nodes: [...GRAPH.nodes, node('govdata', { name: 'GovData', kind: 'register' })], edges: GRAPH.edges };
    expect(applyOverlay(seeded, [entry]).conflicts).toEqual([
      { proposal: 'p-1', operation: 0, target: 'node "govdata"', message: 'node "govdata" exists now (the seed files added it), with other properties than the proposal adds' },
    ]);
  });

  it('applies nothing of a conflicting entry, and still applies the entries after it', () => {
    const p1 = accepted('p-1', [setStatus('fitconnect', 'live')]);
    const p2 = accepted('p-2', [setStatus('bundid', 'live'), setStatus('xta', 'beta')]);
    const p3 = accepted('p-3', [{ op: 'removeLink', type: 'DEPENDS_ON', from: 'fitconnect', to: 'bundid' }]);
    const withoutXta: Graph = { nodes: [GRAPH.nodes[0]!, GRAPH.nodes[2]!], edges: GRAPH.edges };
    const { graph, conflicts, applied } = applyOverlay(withoutXta, [p1, p2, p3]);
    expect(applied).toEqual(['p-1', 'p-3']);
    expect(conflicts).toEqual([{ proposal: 'p-2', operation: 1, target: 'node "xta"', message: 'node "xta" is no longer in the graph (the seed files removed it)' }]);
    expect(byId(graph, 'bundid')).toEqual(GRAPH.nodes[0]);
    expect(byId(graph, 'fitconnect')?.props.status).toBe('live');
    expect(graph.edges).toEqual([]);
  });

  it('applies entries in order: the second sees what the first did', () => {
    const p1 = accepted('p-1', [setStatus('bundid', 'a')]);
    const afterP1 = applyOverlay(GRAPH, [p1]).graph;
    const p2 = accepted('p-2', [setStatus('bundid', 'b')], afterP1);
    expect(p2.bases).toEqual([{ exists: true, values: { status: 'a' } }]);

    const inOrder = applyOverlay(GRAPH, [p1, p2]);
    expect(inOrder.conflicts).toEqual([]);
    expect(inOrder.applied).toEqual(['p-1', 'p-2']);
    expect(byId(inOrder.graph, 'bundid')).toEqual({
      label: 'Component',
      id: 'bundid',
      props: { ...GRAPH.nodes[0]!.props, status: 'b', ...stamped('p-2'), source: 'https://landscape.example ; https://ozg.example/1' },
      origin: 'curation: proposal p-2 (bundid)',
    });

    const reversed = applyOverlay(GRAPH, [p2, p1]);
    expect(reversed.applied).toEqual(['p-1']);
    expect(reversed.conflicts).toEqual([{ proposal: 'p-2', operation: 0, target: 'node "bundid"', message: 'node "bundid" changed since the proposal was accepted (status): review it again' }]);
    expect(byId(reversed.graph, 'bundid')?.props.status).toBe('a');
  });

  it('lists an entry that no longer passes the model checks as a conflict, applying nothing', () => {
    const entry = accepted('p-1', [setStatus('bundid', 'live'), { op: 'addLink', type: 'DEPENDS_ON', from: 'xta', to: 'fitconnect', properties: {} }]);
    // fitconnect is now an Organization in the seed files: the link's end no longer fits.
    const relabelled: Graph = { nodes: [GRAPH.nodes[0]!, GRAPH.nodes[1]!, { ...node('fitconnect', { level: 'Bund' }, 'Organization') }], edges: GRAPH.edges };
    const { graph, conflicts, applied } = applyOverlay(relabelled, [entry]);
    expect(applied).toEqual([]);
    expect(graph).toEqual(relabelled);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ proposal: 'p-1', message: expect.stringContaining('"fitconnect" is a Organization; DEPENDS_ON ends at Component') });
  });

  // Was a bug (fixed): when the model check of the remaining operations fails, the conflict has operation -1
  // (the doc promises the index) and names `operations[i]` by the index in the remaining list, not in
  // the proposal: with operation 0 skipped as already there, the proposal's operations[1] is called
  // operations[0].
  it("names the proposal's own operation when the remaining operations no longer pass the model checks", () => {
    const entry = accepted('p-1', [
      { op: 'addNode', label: 'Component', id: 'govdata', properties: { name: 'GovData', kind: 'platform' } },
      { op: 'addLink', type: 'DEPENDS_ON', from: 'govdata', to: 'xta', properties: {} },
    ]);
    const seeded: Graph = { nodes: [GRAPH.nodes[0]!, GRAPH.nodes[2]!, node('govdata', { name: 'GovData', kind: 'platform' })], edges: GRAPH.edges };
    const { conflicts } = applyOverlay(seeded, [entry]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.operation).toBe(1);
    expect(conflicts[0]?.message).toContain('operations[1]');
  });
});

describe('pending', () => {
  const view = viewOf(GRAPH);

  it('returns every operation whose base matches', () => {
    const ops = [setStatus('bundid', 'live'), { op: 'removeNode', id: 'xta' } as Operation];
    const entry = accepted('p-1', ops);
    expect(pending(entry, view)).toEqual({ todo: ops, indices: [0, 1], conflict: null });
  });

  it('leaves out operations whose result is already there', () => {
    const entry: OverlayEntry = {
      id: 'p-9',
      operations: [setStatus('bundid', 'old'), { op: 'removeNode', id: 'gone' }, setStatus('xta', 'beta')],
      bases: [
        { exists: true, values: { status: 'new' } }, // changed since, but to what the operation sets
        { exists: true, values: { id: 'gone', name: 'GONE' } }, // removed since, as the operation does
        { exists: true, values: { status: null } }, // as it was: to do
      ],
      stamp: stamp('p-9'),
    };
    expect(pending(entry, view)).toEqual({ todo: [setStatus('xta', 'beta')], indices: [2], conflict: null });
  });

  it('stops at the first operation that neither matches its base nor is there, with nothing to do', () => {
    const entry: OverlayEntry = {
      id: 'p-9',
      operations: [setStatus('bundid', 'live'), setStatus('xta', 'beta'), setStatus('fitconnect', 'live')],
      bases: [
        { exists: true, values: { status: 'old' } },
        { exists: true, values: { status: 'alpha' } },
        { exists: true, values: { status: 'alpha' } },
      ],
      stamp: stamp('p-9'),
    };
    expect(pending(entry, view)).toEqual({
      todo: [],
      indices: [],
      conflict: { proposal: 'p-9', operation: 1, target: 'node "xta"', message: 'node "xta" changed since the proposal was accepted (status): review it again' },
    });
  });

  it('treats a missing base as a conflict unless the result is there', () => {
    const entry: OverlayEntry = { id: 'p-3', operations: [setStatus('bundid', 'live')], bases: [], stamp: stamp('p-3') };
    expect(pending(entry, view).conflict).toEqual({
      proposal: 'p-3',
      operation: 0,
      target: 'node "bundid"',
      message: 'node "bundid" changed since the proposal was accepted (status): review it again',
    });
    expect(pending({ ...entry, operations: [setStatus('bundid', 'old')] }, view)).toEqual({ todo: [], indices: [], conflict: null });
  });
});
