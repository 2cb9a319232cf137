import { MODEL } from '../../src/model';
import type { GraphView, Operation, Props, ViewNode } from '../../src/curation/changeSet';
import { checkChangeSet, PROTECTED_PROPERTIES } from '../../src/curation/checkChangeSet';

/** A graph view over a few fixed nodes and links (links keyed `TYPE|from|to`, stored direction only). */
function viewOf(nodes: Record<string, ViewNode>, links: Record<string, Props>): GraphView {
  return { node: (id) => nodes[id] ?? null, link: (type, from, to) => links[`${type}|${from}|${to}`] ?? null };
}

const VIEW = viewOf(
  {
    bundid: { label: 'Component', props: { id: 'bundid', name: 'BundID', kind: 'basisdienst' } },
    fitconnect: { label: 'Component', props: { id: 'fitconnect', name: 'FIT-Connect', kind: 'platform' } },
    xta: { label: 'Component', props: { id: 'xta', name: 'XTA', kind: 'technology' } },
    'org:bmi': { label: 'Organization', props: { id: 'org:bmi', name: 'BMI', level: 'Bund' } },
  },
  {
    'DEPENDS_ON|fitconnect|bundid': { scope: 'required' },
    'ALTERNATIVE_TO|fitconnect|xta': { guidance: 'FIT-Connect for new services' },
  },
);

const check = (...ops: Operation[]) => checkChangeSet(MODEL, ops, VIEW);
const addComponent = (id: string, properties: Props = { name: id, kind: 'product' }): Operation => ({ op: 'addNode', label: 'Component', id, properties });
const link = (type: string, from: string, to: string, properties: Props = {}): Operation => ({ op: 'addLink', type, from, to, properties });

describe('checkChangeSet', () => {
  it('accepts a valid change set of every kind of operation', () => {
    expect(
      check(
        addComponent('govdata', { name: 'GovData', kind: 'platform', tags: ['open-data'] }),
        { op: 'addNode', label: 'Organization', id: 'org:fitko', properties: { name: 'FITKO', level: 'Land' } },
        { op: 'changeNode', id: 'bundid', set: { homepage: 'https://id.bund.de' }, unset: [] },
        { op: 'removeNode', id: 'xta' },
        link('DEPENDS_ON', 'govdata', 'bundid', { scope: 'optional', reason: 'login' }),
        { op: 'changeLink', type: 'DEPENDS_ON', from: 'fitconnect', to: 'bundid', set: { scope: 'optional' }, unset: [] },
        link('PART_OF', 'org:fitko', 'org:bmi'),
      ),
    ).toEqual([]);
  });

  it('refuses an unknown label with the list of labels', () => {
    expect(check({ op: 'addNode', label: 'Widget', id: 'widget', properties: { name: 'W' } })).toEqual([
      { field: 'operations[0].label', message: `must be one of ${Object.keys(MODEL.labels).join(', ')}, got "Widget"` },
    ]);
  });

  it("refuses an id that does not fit the label's id pattern (or the generic one)", () => {
    expect(
      check(
        addComponent('Bad_Id'),
        { op: 'addNode', label: 'Organization', id: 'bmi-2', properties: { name: 'BMI 2', level: 'Bund' } },
        { op: 'addNode', label: 'Topic', id: 'Topic 1', properties: { name: 'Topic 1' } },
      ),
    ).toEqual([
      { field: 'operations[0].id', message: 'must look like <slug> (a landscape item id to enrich that item) (lower case, digits, "-" and "."), got "Bad_Id"' },
      { field: 'operations[1].id', message: 'must look like org:<slug> (lower case, digits, "-" and "."), got "bmi-2"' },
      { field: 'operations[2].id', message: 'must look like prefix:name (lower case, digits, "-" and "."), got "Topic 1"' },
    ]);
    expect(check({ op: 'addNode', label: 'Topic', id: 'topic:digital', properties: { name: 'Digital' } })).toEqual([]);
  });

  it('refuses a node without a name, on add and when a change removes it', () => {
    expect(
      check(
        addComponent('no-name', { kind: 'product' }),
        addComponent('blank-name', { name: '  ', kind: 'product' }),
        { op: 'changeNode', id: 'bundid', set: {}, unset: ['name'] },
      ),
    ).toEqual([
      { field: 'operations[0].properties.name', message: 'is required' },
      { field: 'operations[1].properties.name', message: 'is required' },
      { field: 'operations[2].properties.name', message: 'is required' },
    ]);
  });

  it('refuses values outside the enum and a missing required property', () => {
    const kinds = 'basisdienst, product, platform, register, online-service, infrastructure, physical-infrastructure, technology';
    expect(
      check(
        addComponent('gadget', { name: 'Gadget', kind: 'gadget' }),
        addComponent('kindless', { name: 'Kindless' }),
        { op: 'changeNode', id: 'org:bmi', set: { level: 'Planet' }, unset: [] },
        { op: 'changeNode', id: 'bundid', set: {}, unset: ['kind'] },
      ),
    ).toEqual([
      { field: 'operations[0].properties.kind', message: `must be one of ${kinds}, got "gadget"` },
      { field: 'operations[1].properties.kind', message: 'is required' },
      { field: 'operations[2].properties.level', message: 'must be one of Bund, Land, Kommune, EU, international, company, cooperative, got "Planet"' },
      { field: 'operations[3].properties.kind', message: 'is required' },
    ]);
  });

  it('refuses every protected property, wherever it is stated', () => {
    const message = `cannot be stated in a change set (${PROTECTED_PROPERTIES.join(', ')} are written by the loader and the review)`;
    expect(PROTECTED_PROPERTIES).toEqual(['id', 'label', 'source', 'sources', 'evidence', 'rule', 'checked', 'aliasesText', 'proposal', 'contributedBy', 'reviewedBy']);
    expect(
      check(
        addComponent('stamped', { name: 'Stamped', kind: 'product', evidence: 'sourced', sources: ['x'], proposal: 'p-1' }),
        { op: 'changeNode', id: 'bundid', set: { source: 'https://x' }, unset: ['contributedBy'] },
        link('DEPENDS_ON', 'xta', 'bundid', { rule: 'r-1' }),
        { op: 'changeLink', type: 'DEPENDS_ON', from: 'fitconnect', to: 'bundid', set: { reviewedBy: 'me' }, unset: [] },
      ),
    ).toEqual([
      { field: 'operations[0].properties.evidence', message },
      { field: 'operations[0].properties.sources', message },
      { field: 'operations[0].properties.proposal', message },
      { field: 'operations[1].properties.source', message },
      { field: 'operations[1].properties.contributedBy', message },
      { field: 'operations[2].properties.rule', message },
      { field: 'operations[3].properties.reviewedBy', message },
    ]);
  });

  it('refuses adding a node that exists', () => {
    expect(check(addComponent('bundid'))).toEqual([{ field: 'operations[0].id', message: '"bundid" already exists; change it with CHANGE_NODE' }]);
  });

  it('refuses changing or removing a node that does not exist', () => {
    expect(check({ op: 'changeNode', id: 'ghost', set: { homepage: 'x' }, unset: [] }, { op: 'removeNode', id: 'ghost-2' })).toEqual([
      { field: 'operations[0].id', message: '"ghost" is no node of the graph' },
      { field: 'operations[1].id', message: '"ghost-2" is no node of the graph' },
    ]);
  });

  it('refuses changing or removing a link that does not exist (direction counts)', () => {
    expect(
      check(
        { op: 'changeLink', type: 'DEPENDS_ON', from: 'bundid', to: 'fitconnect', set: { scope: 'optional' }, unset: [] },
        { op: 'removeLink', type: 'DEPENDS_ON', from: 'xta', to: 'bundid' },
      ),
    ).toEqual([
      { field: 'operations[0].to', message: 'DEPENDS_ON bundid -> fitconnect is no link of the graph' },
      { field: 'operations[1].to', message: 'DEPENDS_ON xta -> bundid is no link of the graph' },
    ]);
  });

  it('refuses a link whose ends do not exist', () => {
    expect(check(link('DEPENDS_ON', 'bundid', 'ghost'), link('DEPENDS_ON', 'nobody', 'nothing'))).toEqual([
      { field: 'operations[0].to', message: '"ghost" is no known id' },
      { field: 'operations[1].from', message: '"nobody" is no known id' },
      { field: 'operations[1].to', message: '"nothing" is no known id' },
    ]);
  });

  it('refuses a link type the model does not know', () => {
    expect(check(link('LIKES', 'bundid', 'xta'))).toEqual([{ field: 'operations[0].type', message: `must be one of ${Object.keys(MODEL.relationships).join(', ')}, got "LIKES"` }]);
  });

  it('refuses ends whose labels the link type does not allow', () => {
    expect(check(link('DEPENDS_ON', 'bundid', 'org:bmi'), link('DEPENDS_ON', 'org:bmi', 'xta'))).toEqual([
      { field: 'operations[0].to', message: '"org:bmi" is a Organization; DEPENDS_ON ends at Component' },
      { field: 'operations[1].from', message: '"org:bmi" is a Organization; DEPENDS_ON starts at Component' },
    ]);
  });

  it('refuses a node pointing to itself', () => {
    expect(check(link('DEPENDS_ON', 'bundid', 'bundid'))).toEqual([{ field: 'operations[0].to', message: '"bundid" points to itself' }]);
  });

  it('refuses PART_OF across labels but takes it within one label', () => {
    expect(check(link('PART_OF', 'org:bmi', 'bundid'))).toEqual([
      { field: 'operations[0].to', message: 'PART_OF joins nodes of one label (or the catalogue chain), got Organization -> Component' },
    ]);
    expect(check(link('PART_OF', 'xta', 'bundid'))).toEqual([]);
  });

  it('refuses link properties the type does not declare, values outside its list, and a missing required one', () => {
    expect(
      check(
        link('DEPENDS_ON', 'xta', 'bundid', { gudiance: 'typo', scope: 'maybe' }),
        link('ALTERNATIVE_TO', 'bundid', 'xta'),
        { op: 'changeLink', type: 'ALTERNATIVE_TO', from: 'fitconnect', to: 'xta', set: { weight: 3 }, unset: ['guidance'] },
      ),
    ).toEqual([
      { field: 'operations[0].properties.scope', message: 'must be one of required, optional, got "maybe"' },
      {
        field: 'operations[0].properties.gudiance',
        message:
          'is not a property of DEPENDS_ON; it has scope, dependencyType, reason, reasonEn, role, roleName, roleEvidence, roleRule, need (besides source, evidence, sources, note, rule, checked, validFrom, validUntil, proposal, contributedBy, reviewedBy)',
      },
      { field: 'operations[1].properties.guidance', message: 'is required for ALTERNATIVE_TO' },
      { field: 'operations[2].properties.guidance', message: 'is required for ALTERNATIVE_TO' },
      { field: 'operations[2].properties.weight', message: 'is not a property of ALTERNATIVE_TO; it has guidance (besides source, evidence, sources, note, rule, checked, validFrom, validUntil, proposal, contributedBy, reviewedBy)' },
    ]);
  });

  it('refuses adding a link that exists, and an ALTERNATIVE_TO that exists the other way round', () => {
    expect(check(link('DEPENDS_ON', 'fitconnect', 'bundid'), link('ALTERNATIVE_TO', 'xta', 'fitconnect', { guidance: 'g' }))).toEqual([
      { field: 'operations[0].to', message: 'DEPENDS_ON fitconnect -> bundid already exists; change it with CHANGE_LINK' },
      { field: 'operations[1].to', message: 'ALTERNATIVE_TO xta -> fitconnect already exists; change it with CHANGE_LINK' },
    ]);
    // DEPENDS_ON is directed: the reverse is another link.
    expect(check(link('DEPENDS_ON', 'bundid', 'fitconnect'))).toEqual([]);
  });

  // Was a bug (fixed): an ALTERNATIVE_TO added the other way round is refused as existing ("change it with
  // CHANGE_LINK"), but CHANGE_LINK / REMOVE_LINK with the same ends looks in the stored direction only
  // and refuses it as "no link of the graph" (applyChangeSet would throw on it too).
  it('changes and removes an ALTERNATIVE_TO named the other way round', () => {
    expect(
      check({ op: 'changeLink', type: 'ALTERNATIVE_TO', from: 'xta', to: 'fitconnect', set: { guidance: 'XTA for transport only' }, unset: [] }),
    ).toEqual([]);
    expect(check({ op: 'removeLink', type: 'ALTERNATIVE_TO', from: 'xta', to: 'fitconnect' })).toEqual([]);
  });

  it('refuses the same node or link twice in one set, ALTERNATIVE_TO in either direction', () => {
    expect(
      check(
        { op: 'changeNode', id: 'bundid', set: { homepage: 'a' }, unset: [] },
        { op: 'removeNode', id: 'bundid' },
        link('ALTERNATIVE_TO', 'bundid', 'xta', { guidance: 'g' }),
        link('ALTERNATIVE_TO', 'xta', 'bundid', { guidance: 'g' }),
        { op: 'changeLink', type: 'DEPENDS_ON', from: 'fitconnect', to: 'bundid', set: { scope: 'optional' }, unset: [] },
        { op: 'removeLink', type: 'DEPENDS_ON', from: 'fitconnect', to: 'bundid' },
      ),
    ).toEqual([
      { field: 'operations[1]', message: 'touches node "bundid" again (operations[0] does already); state each node or link once' },
      { field: 'operations[3]', message: 'touches ALTERNATIVE_TO xta -> bundid again (operations[2] does already); state each node or link once' },
      { field: 'operations[5]', message: 'touches DEPENDS_ON fitconnect -> bundid again (operations[4] does already); state each node or link once' },
    ]);
    // Opposite directions of a directed type are two links.
    expect(check(link('DEPENDS_ON', 'bundid', 'xta'), link('DEPENDS_ON', 'xta', 'bundid'))).toEqual([]);
  });

  it('refuses a change that sets and unsets nothing', () => {
    expect(
      check({ op: 'changeNode', id: 'bundid', set: {}, unset: [] }, { op: 'changeLink', type: 'DEPENDS_ON', from: 'fitconnect', to: 'bundid', set: {}, unset: [] }),
    ).toEqual([
      { field: 'operations[0].properties', message: 'changes nothing: give properties to set or unset' },
      { field: 'operations[1].properties', message: 'changes nothing: give properties to set or unset' },
    ]);
  });

  it('checks each operation against the graph as the earlier ones leave it', () => {
    // An added node can be linked and linked to at once.
    expect(check(addComponent('govdata'), link('DEPENDS_ON', 'govdata', 'bundid'), link('PART_OF', 'xta', 'govdata'))).toEqual([]);
    // A removed node can be neither linked nor changed, and takes its links with it.
    expect(
      check(
        { op: 'removeNode', id: 'xta' },
        link('DEPENDS_ON', 'bundid', 'xta'),
        { op: 'removeNode', id: 'fitconnect' },
        { op: 'changeLink', type: 'DEPENDS_ON', from: 'fitconnect', to: 'bundid', set: { scope: 'optional' }, unset: [] },
      ),
    ).toEqual([
      { field: 'operations[1].to', message: '"xta" is no known id' },
      { field: 'operations[3].to', message: 'DEPENDS_ON fitconnect -> bundid is no link of the graph' },
    ]);
    // An added node's label is what later links are checked against.
    expect(check({ op: 'addNode', label: 'Organization', id: 'org:kommune-x', properties: { name: 'X', level: 'Kommune' } }, link('DEPENDS_ON', 'bundid', 'org:kommune-x'))).toEqual([
      { field: 'operations[1].to', message: '"org:kommune-x" is a Organization; DEPENDS_ON ends at Component' },
    ]);
  });

  it('does not change the view it checks against', () => {
    check({ op: 'removeNode', id: 'bundid' }, addComponent('govdata'));
    expect(VIEW.node('bundid')).toEqual({ label: 'Component', props: { id: 'bundid', name: 'BundID', kind: 'basisdienst' } });
    expect(VIEW.node('govdata')).toBeNull();
  });
});
