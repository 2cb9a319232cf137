import { applyChangeSet, type Stamp, type Writes } from '../../src/curation/applyChangeSet';
import type { GraphView, Operation, Props, ViewNode } from '../../src/curation/changeSet';

function viewOf(nodes: Record<string, ViewNode>, links: Record<string, Props>): GraphView {
  return { node: (id) => nodes[id] ?? null, link: (type, from, to) => links[`${type}|${from}|${to}`] ?? null };
}

const STAMP: Stamp = {
  proposal: 'p-7',
  organization: 'org:bmi',
  reviewer: 'Rita Reviewer',
  evidence: 'sourced',
  citations: ['ozg-1 (S. 3)', 'fitko'],
  sourceText: 'https://ozg.example/1 (S. 3) ; https://fitko.example',
};
const CONTRIBUTION = { proposal: 'p-7', contributedBy: 'org:bmi', reviewedBy: 'Rita Reviewer' };

const BUNDID: Props = {
  id: 'bundid',
  name: 'BundID',
  kind: 'basisdienst',
  homepage: 'https://id.bund.de',
  aliases: ['BundID', 'Bund-ID'],
  aliasesText: 'BundID | Bund-ID',
  evidence: 'sourced',
  sources: ['landscape'],
  source: 'https://landscape.example',
};
const XTA: Props = { id: 'xta', name: 'XTA', kind: 'technology' };
const XTA_BUNDID: Props = { scope: 'required', evidence: 'sourced', sources: ['landscape'], source: 'https://landscape.example' };
const VIEW = viewOf({ bundid: { label: 'Component', props: BUNDID }, xta: { label: 'Component', props: XTA } }, { 'DEPENDS_ON|xta|bundid': XTA_BUNDID });

const apply = (ops: Operation[], view: GraphView = VIEW, stamp: Stamp = STAMP): Writes => applyChangeSet(ops, view, stamp);

describe('applyChangeSet', () => {
  it('stamps an added node with evidence, sources, source and the contribution, and writes aliasesText', () => {
    const writes = apply([{ op: 'addNode', label: 'Component', id: 'govdata', properties: { name: 'GovData', kind: 'platform', aliases: ['GovData.de', 'Datenportal'] } }]);
    const props = {
      name: 'GovData',
      kind: 'platform',
      aliases: ['GovData.de', 'Datenportal'],
      id: 'govdata',
      evidence: 'sourced',
      sources: ['ozg-1 (S. 3)', 'fitko'],
      source: 'https://ozg.example/1 (S. 3) ; https://fitko.example',
      ...CONTRIBUTION,
      aliasesText: 'GovData.de | Datenportal',
    };
    expect(writes).toEqual({
      nodes: [{ id: 'govdata', label: 'Component', props }],
      removedNodes: [],
      links: [],
      removedLinks: [],
      diff: [{ op: 'addNode', entity: 'node', key: 'govdata', kind: 'Component', before: null, after: props }],
      bases: [{ exists: false }],
    });
  });

  it('writes no aliasesText for a node without aliases, and evidence "reported" for a report', () => {
    const writes = apply(
      [
        { op: 'addNode', label: 'Component', id: 'a', properties: { name: 'A', kind: 'product' } },
        { op: 'addNode', label: 'Component', id: 'b', properties: { name: 'B', kind: 'product', aliases: [] } },
      ],
      VIEW,
      { ...STAMP, evidence: 'reported' },
    );
    expect(writes.nodes.map((n) => n.props)).toEqual([
      { name: 'A', kind: 'product', id: 'a', evidence: 'reported', sources: STAMP.citations, source: STAMP.sourceText, ...CONTRIBUTION },
      { name: 'B', kind: 'product', aliases: [], id: 'b', evidence: 'reported', sources: STAMP.citations, source: STAMP.sourceText, ...CONTRIBUTION },
    ]);
  });

  it('stamps an added link', () => {
    const writes = apply([{ op: 'addLink', type: 'DEPENDS_ON', from: 'bundid', to: 'xta', properties: { scope: 'optional' } }]);
    const props = { scope: 'optional', evidence: 'sourced', sources: STAMP.citations, source: STAMP.sourceText, ...CONTRIBUTION };
    expect(writes).toEqual({
      nodes: [],
      removedNodes: [],
      links: [{ type: 'DEPENDS_ON', from: 'bundid', to: 'xta', props }],
      removedLinks: [],
      diff: [{ op: 'addLink', entity: 'link', key: 'DEPENDS_ON|bundid|xta', kind: 'DEPENDS_ON', before: null, after: props }],
      bases: [{ exists: false }],
    });
  });

  it('keeps the own sources and evidence of a changed node, adds the proposal’s, and removes what it unsets', () => {
    const writes = apply([{ op: 'changeNode', id: 'bundid', set: { homepage: 'https://id.bund.de/de', status: 'live' }, unset: ['kind'] }]);
    const { kind: _kind, ...rest } = BUNDID;
    const after = {
      ...rest,
      homepage: 'https://id.bund.de/de',
      status: 'live',
      sources: ['landscape', 'ozg-1 (S. 3)', 'fitko'],
      source: 'https://landscape.example ; https://ozg.example/1 (S. 3) ; https://fitko.example',
      ...CONTRIBUTION,
    };
    expect(writes).toEqual({
      nodes: [{ id: 'bundid', label: 'Component', props: after }],
      removedNodes: [],
      links: [],
      removedLinks: [],
      diff: [{ op: 'changeNode', entity: 'node', key: 'bundid', kind: 'Component', before: BUNDID, after }],
      bases: [{ exists: true, values: { homepage: 'https://id.bund.de', kind: 'basisdienst', status: null } }],
    });
    expect(after).not.toHaveProperty('kind');
  });

  it('gives a changed node without sources those of the proposal', () => {
    const writes = apply([{ op: 'changeNode', id: 'xta', set: { status: 'live' }, unset: [] }]);
    expect(writes.nodes).toEqual([{ id: 'xta', label: 'Component', props: { ...XTA, status: 'live', sources: STAMP.citations, source: STAMP.sourceText, ...CONTRIBUTION } }]);
  });

  it('adds the proposal’s citations and source text once, however often it changes a fact', () => {
    const first = apply([{ op: 'changeNode', id: 'bundid', set: { status: 'live' }, unset: [] }]).nodes[0]!.props;
    const again = apply([{ op: 'changeNode', id: 'bundid', set: { status: 'beta' }, unset: [] }], viewOf({ bundid: { label: 'Component', props: first } }, {})).nodes[0]!.props;
    expect(again).toEqual({ ...first, status: 'beta' });
    expect(again.sources).toEqual(['landscape', 'ozg-1 (S. 3)', 'fitko']);
    expect(again.source).toBe('https://landscape.example ; https://ozg.example/1 (S. 3) ; https://fitko.example');
    // A citation the fact already has is not repeated, the others are added.
    const partly = apply([{ op: 'changeNode', id: 'xta', set: { status: 'live' }, unset: [] }], viewOf({ xta: { label: 'Component', props: { ...XTA, sources: ['fitko'] } } }, {}));
    expect(partly.nodes[0]!.props.sources).toEqual(['fitko', 'ozg-1 (S. 3)']);
  });

  // Was a bug (fixed): the "already there" test of the source text is a substring test, so an address that is
  // a prefix of one the fact already cites is never recorded in `source` (its id is in `sources`).
  it('appends the proposal’s source text even when an address the fact has starts with it', () => {
    const stamp: Stamp = { ...STAMP, citations: ['fitko'], sourceText: 'https://fitko.example' };
    const view = viewOf({ xta: { label: 'Component', props: { ...XTA, sources: ['fitko-standards'], source: 'https://fitko.example/standards' } } }, {});
    const props = apply([{ op: 'changeNode', id: 'xta', set: { status: 'live' }, unset: [] }], view, stamp).nodes[0]!.props;
    expect(props.sources).toEqual(['fitko-standards', 'fitko']);
    expect(props.source).toBe('https://fitko.example/standards ; https://fitko.example');
  });

  it('rewrites aliasesText when a change sets aliases', () => {
    const writes = apply([{ op: 'changeNode', id: 'bundid', set: { aliases: ['BundID', 'Nutzerkonto Bund'] }, unset: [] }]);
    expect(writes.nodes[0]!.props.aliasesText).toBe('BundID | Nutzerkonto Bund');
  });

  // Was a bug (fixed): unsetting aliases keeps the old aliasesText (written with `SET n = props`), so the
  // full-text index still finds the node under the removed aliases.
  it('drops aliasesText when a change unsets aliases', () => {
    const writes = apply([{ op: 'changeNode', id: 'bundid', set: {}, unset: ['aliases'] }]);
    expect(writes.nodes[0]!.props).not.toHaveProperty('aliases');
    expect(writes.nodes[0]!.props).not.toHaveProperty('aliasesText');
  });

  it('changes a link: keeps its own sources, adds the proposal’s, unsets what it names', () => {
    const writes = apply([{ op: 'changeLink', type: 'DEPENDS_ON', from: 'xta', to: 'bundid', set: { reason: 'login' }, unset: ['scope'] }]);
    const after = {
      evidence: 'sourced',
      reason: 'login',
      sources: ['landscape', 'ozg-1 (S. 3)', 'fitko'],
      source: 'https://landscape.example ; https://ozg.example/1 (S. 3) ; https://fitko.example',
      ...CONTRIBUTION,
    };
    expect(writes).toEqual({
      nodes: [],
      removedNodes: [],
      links: [{ type: 'DEPENDS_ON', from: 'xta', to: 'bundid', props: after }],
      removedLinks: [],
      diff: [{ op: 'changeLink', entity: 'link', key: 'DEPENDS_ON|xta|bundid', kind: 'DEPENDS_ON', before: XTA_BUNDID, after }],
      bases: [{ exists: true, values: { reason: null, scope: 'required' } }],
    });
  });

  it('removes nodes and links, recording every property of each as its base', () => {
    const writes = apply([
      { op: 'removeLink', type: 'DEPENDS_ON', from: 'xta', to: 'bundid' },
      { op: 'removeNode', id: 'bundid' },
    ]);
    expect(writes).toEqual({
      nodes: [],
      removedNodes: ['bundid'],
      links: [],
      removedLinks: [{ type: 'DEPENDS_ON', from: 'xta', to: 'bundid' }],
      diff: [
        { op: 'removeLink', entity: 'link', key: 'DEPENDS_ON|xta|bundid', kind: 'DEPENDS_ON', before: XTA_BUNDID, after: null },
        { op: 'removeNode', entity: 'node', key: 'bundid', kind: 'Component', before: BUNDID, after: null },
      ],
      bases: [
        { exists: true, values: XTA_BUNDID },
        { exists: true, values: BUNDID },
      ],
    });
    // The recorded values are sorted by name, so equal states give equal JSON.
    expect(Object.keys(writes.bases[1]!.values!)).toEqual(Object.keys(BUNDID).sort());
  });

  it('drops the links of the set that touch a node it removes, and keeps the others', () => {
    const view = viewOf(
      { bundid: { label: 'Component', props: BUNDID }, xta: { label: 'Component', props: XTA }, govdata: { label: 'Component', props: { id: 'govdata', name: 'GovData', kind: 'platform' } } },
      { 'DEPENDS_ON|xta|bundid': XTA_BUNDID },
    );
    const writes = apply(
      [
        { op: 'addLink', type: 'DEPENDS_ON', from: 'bundid', to: 'govdata', properties: {} },
        { op: 'changeLink', type: 'DEPENDS_ON', from: 'xta', to: 'bundid', set: { reason: 'r' }, unset: [] },
        { op: 'addLink', type: 'DEPENDS_ON', from: 'govdata', to: 'xta', properties: {} },
        { op: 'removeNode', id: 'bundid' },
      ],
      view,
    );
    expect(writes.links).toEqual([{ type: 'DEPENDS_ON', from: 'govdata', to: 'xta', props: { evidence: 'sourced', sources: STAMP.citations, source: STAMP.sourceText, ...CONTRIBUTION } }]);
    expect(writes.removedNodes).toEqual(['bundid']);
    expect(writes.removedLinks).toEqual([]);
    expect(writes.diff.map((d) => [d.op, d.key])).toEqual([
      ['addLink', 'DEPENDS_ON|bundid|govdata'],
      ['changeLink', 'DEPENDS_ON|xta|bundid'],
      ['addLink', 'DEPENDS_ON|govdata|xta'],
      ['removeNode', 'bundid'],
    ]);
  });

  it('takes each base against the graph as the earlier operations leave it', () => {
    const writes = apply([
      { op: 'removeNode', id: 'xta' },
      { op: 'removeLink', type: 'DEPENDS_ON', from: 'xta', to: 'bundid' },
      { op: 'addNode', label: 'Component', id: 'govdata', properties: { name: 'GovData', kind: 'platform' } },
      { op: 'addLink', type: 'DEPENDS_ON', from: 'govdata', to: 'bundid', properties: {} },
    ]);
    expect(writes.bases).toEqual([{ exists: true, values: XTA }, { exists: false }, { exists: false }, { exists: false }]);
  });

  it('lets a change see a node added earlier in the set', () => {
    const writes = apply([
      { op: 'addNode', label: 'Component', id: 'govdata', properties: { name: 'GovData', kind: 'platform' } },
      { op: 'changeLink', type: 'DEPENDS_ON', from: 'xta', to: 'bundid', set: { scope: 'optional' }, unset: [] },
    ]);
    expect(writes.nodes.map((n) => n.id)).toEqual(['govdata']);
    expect(writes.bases).toEqual([{ exists: false }, { exists: true, values: { scope: 'required' } }]);
  });

  it('refuses to change what is not there (the change set was not checked)', () => {
    expect(() => apply([{ op: 'changeNode', id: 'ghost', set: { a: 1 }, unset: [] }])).toThrow('changeNode of a missing node ghost: check the change set first');
    expect(() => apply([{ op: 'changeLink', type: 'DEPENDS_ON', from: 'bundid', to: 'xta', set: { a: 1 }, unset: [] }])).toThrow(
      'changeLink of a missing link DEPENDS_ON|bundid|xta: check the change set first',
    );
  });

  it('leaves the view it reads unchanged', () => {
    const before = JSON.stringify([VIEW.node('bundid'), VIEW.link('DEPENDS_ON', 'xta', 'bundid')]);
    apply([
      { op: 'changeNode', id: 'bundid', set: { status: 'x' }, unset: ['homepage'] },
      { op: 'changeLink', type: 'DEPENDS_ON', from: 'xta', to: 'bundid', set: { reason: 'r' }, unset: [] },
    ]);
    expect(JSON.stringify([VIEW.node('bundid'), VIEW.link('DEPENDS_ON', 'xta', 'bundid')])).toBe(before);
  });
});
