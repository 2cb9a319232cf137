import type { Operation } from '../../src/curation/changeSet';
import { readOperations, readProposalCitations, toChangeInput, type ChangeInputShape } from '../../src/curation/proposalInput';

describe('readOperations', () => {
  it('maps each kind of ChangeInput to its operation', () => {
    const input: ChangeInputShape[] = [
      { op: 'ADD_NODE', id: 'govdata', label: 'Component', properties: { name: 'GovData', kind: 'platform' } },
      { op: 'CHANGE_NODE', id: 'bundid', properties: { status: 'live' }, unset: ['homepage'] },
      { op: 'CHANGE_NODE', id: 'xta', unset: ['status'] },
      { op: 'REMOVE_NODE', id: 'old' },
      { op: 'ADD_LINK', type: 'DEPENDS_ON', from: 'govdata', to: 'bundid', properties: { scope: 'optional' } },
      { op: 'ADD_LINK', type: 'PART_OF', from: 'xta', to: 'govdata' },
      { op: 'CHANGE_LINK', type: 'DEPENDS_ON', from: 'fitconnect', to: 'bundid', properties: { reason: 'login' }, unset: ['scope'] },
      { op: 'REMOVE_LINK', type: 'DEPENDS_ON', from: 'xta', to: 'bundid', properties: null, unset: null },
    ];
    expect(readOperations(input)).toEqual({
      operations: [
        { op: 'addNode', label: 'Component', id: 'govdata', properties: { name: 'GovData', kind: 'platform' } },
        { op: 'changeNode', id: 'bundid', set: { status: 'live' }, unset: ['homepage'] },
        { op: 'changeNode', id: 'xta', set: {}, unset: ['status'] },
        { op: 'removeNode', id: 'old' },
        { op: 'addLink', type: 'DEPENDS_ON', from: 'govdata', to: 'bundid', properties: { scope: 'optional' } },
        { op: 'addLink', type: 'PART_OF', from: 'xta', to: 'govdata', properties: {} },
        { op: 'changeLink', type: 'DEPENDS_ON', from: 'fitconnect', to: 'bundid', set: { reason: 'login' }, unset: ['scope'] },
        { op: 'removeLink', type: 'DEPENDS_ON', from: 'xta', to: 'bundid' },
      ],
      problems: [],
    });
  });

  it('reports each missing field by the index of its operation, and leaves those operations out', () => {
    expect(
      readOperations([
        { op: 'REMOVE_NODE', id: 'ok' },
        { op: 'ADD_NODE', id: 'govdata' },
        { op: 'CHANGE_NODE', id: '  ' },
        { op: 'ADD_LINK', type: 'DEPENDS_ON', from: 'a' },
        { op: 'REMOVE_LINK', type: null, from: '', to: 'b' },
      ]),
    ).toEqual({
      operations: [{ op: 'removeNode', id: 'ok' }],
      problems: [
        { field: 'operations[1].label', message: 'is required for ADD_NODE' },
        { field: 'operations[1].properties', message: 'is required for ADD_NODE' },
        { field: 'operations[2].id', message: 'is required for CHANGE_NODE' },
        { field: 'operations[3].to', message: 'is required for ADD_LINK' },
        { field: 'operations[4].type', message: 'is required for REMOVE_LINK' },
        { field: 'operations[4].from', message: 'is required for REMOVE_LINK' },
      ],
    });
  });

  it('reports fields an operation does not take', () => {
    expect(
      readOperations([
        { op: 'ADD_NODE', id: 'govdata', label: 'Component', properties: { name: 'GovData' }, type: 'DEPENDS_ON', unset: ['x'] },
        { op: 'CHANGE_LINK', id: 'bundid', type: 'DEPENDS_ON', from: 'a', to: 'b', label: 'Component' },
        { op: 'REMOVE_NODE', id: 'old', properties: { name: 'x' } },
        { op: 'REMOVE_LINK', type: 'DEPENDS_ON', from: 'a', to: 'b', properties: {} },
        { op: 'ADD_LINK', type: 'DEPENDS_ON', from: 'a', to: 'b', unset: ['scope'] },
      ]),
    ).toEqual({
      operations: [],
      problems: [
        { field: 'operations[0].type', message: 'is not taken by ADD_NODE (a node is named by id)' },
        { field: 'operations[0].unset', message: 'is not taken by ADD_NODE' },
        { field: 'operations[1].id', message: 'is not taken by CHANGE_LINK (a link is named by type, from and to)' },
        { field: 'operations[1].label', message: 'is not taken by CHANGE_LINK (a link is named by type, from and to)' },
        { field: 'operations[2].properties', message: 'is not taken by REMOVE_NODE' },
        { field: 'operations[3].properties', message: 'is not taken by REMOVE_LINK' },
        { field: 'operations[4].unset', message: 'is not taken by ADD_LINK' },
      ],
    });
  });

  // Was a bug (fixed): a non-empty unset on REMOVE_NODE / REMOVE_LINK is reported as `operations[i].properties`.
  it('names unset when a removal is given an unset list', () => {
    expect(readOperations([{ op: 'REMOVE_LINK', type: 'DEPENDS_ON', from: 'a', to: 'b', unset: ['scope'] }]).problems).toEqual([
      { field: 'operations[0].unset', message: 'is not taken by REMOVE_LINK' },
    ]);
  });

  // Was a bug (fixed): a label on CHANGE_NODE / REMOVE_NODE is dropped silently,
  // so a caller who means to relabel a node learns nothing; ADD_NODE is the only node operation that reads it.
  it('reports a label on a node operation that does not take one', () => {
    expect(readOperations([{ op: 'CHANGE_NODE', id: 'bundid', label: 'Standard', properties: { name: 'x' } }]).problems).toEqual([
      { field: 'operations[0].label', message: expect.stringContaining('is not taken by CHANGE_NODE') },
    ]);
  });

  it('takes an empty unset list where unset is not taken', () => {
    expect(readOperations([{ op: 'REMOVE_NODE', id: 'old', unset: [] }, { op: 'ADD_LINK', type: 'DEPENDS_ON', from: 'a', to: 'b', unset: [] }]).problems).toEqual([]);
  });

  it('does not share the unset list it was given', () => {
    const unset = ['homepage'];
    const { operations } = readOperations([{ op: 'CHANGE_NODE', id: 'bundid', unset }]);
    unset.push('status');
    expect(operations).toEqual([{ op: 'changeNode', id: 'bundid', set: {}, unset: ['homepage'] }]);
  });
});

describe('toChangeInput', () => {
  const operations: Operation[] = [
    { op: 'addNode', label: 'Component', id: 'govdata', properties: { name: 'GovData', kind: 'platform', tags: ['a', 'b'] } },
    { op: 'changeNode', id: 'bundid', set: { status: 'live' }, unset: ['homepage'] },
    { op: 'removeNode', id: 'old' },
    { op: 'addLink', type: 'DEPENDS_ON', from: 'govdata', to: 'bundid', properties: { scope: 'optional' } },
    { op: 'changeLink', type: 'DEPENDS_ON', from: 'fitconnect', to: 'bundid', set: {}, unset: ['scope'] },
    { op: 'removeLink', type: 'DEPENDS_ON', from: 'xta', to: 'bundid' },
  ];

  it('shows each operation as the API takes it', () => {
    expect(operations.map(toChangeInput)).toEqual([
      { op: 'ADD_NODE', id: 'govdata', label: 'Component', properties: { name: 'GovData', kind: 'platform', tags: ['a', 'b'] } },
      { op: 'CHANGE_NODE', id: 'bundid', properties: { status: 'live' }, unset: ['homepage'] },
      { op: 'REMOVE_NODE', id: 'old' },
      { op: 'ADD_LINK', type: 'DEPENDS_ON', from: 'govdata', to: 'bundid', properties: { scope: 'optional' } },
      { op: 'CHANGE_LINK', type: 'DEPENDS_ON', from: 'fitconnect', to: 'bundid', properties: {}, unset: ['scope'] },
      { op: 'REMOVE_LINK', type: 'DEPENDS_ON', from: 'xta', to: 'bundid' },
    ]);
  });

  it('round-trips through readOperations', () => {
    expect(readOperations(operations.map(toChangeInput))).toEqual({ operations, problems: [] });
  });
});

describe('readProposalCitations', () => {
  it('reads registry ids with optional locators, a locator may hold ";"', () => {
    expect(readProposalCitations(['ozg-1 (S. 3)', 'fitko', 'bmi-2 (Abs. 1; Abs. 3)'])).toEqual({
      citations: [
        { id: 'ozg-1', locator: 'S. 3' },
        { id: 'fitko', locator: null },
        { id: 'bmi-2', locator: 'Abs. 1; Abs. 3' },
      ],
      problem: null,
    });
  });

  it('takes no citations (newSources may cite instead)', () => {
    expect(readProposalCitations([])).toEqual({ citations: [], problem: null });
  });

  it('names the first citation that is not a registry id, and returns none', () => {
    expect(readProposalCitations(['fitko', 'https://fitko.de', 'Also Bad'])).toEqual({
      citations: [],
      problem: '"https://fitko.de" is not a source id (lower case, digits, "-"), optionally followed by a locator in parentheses',
    });
  });

  it('skips blank citations', () => {
    expect(readProposalCitations(['fitko', '  '])).toEqual({ citations: [{ id: 'fitko', locator: null }], problem: null });
    expect(readProposalCitations([' '])).toEqual({ citations: [], problem: 'names no source' });
  });
});
