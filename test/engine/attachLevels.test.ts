import { attachLevels } from '../../src/engine/attachLevels';

const link = (id: string, extra: Record<string, unknown> = {}) => ({ type: 'DEPENDS_ON', node: { id, ...extra } });

describe('attachLevels', () => {
  it('hangs each level\'s answers on every occurrence of its nodes, parents first, and drops the columns', () => {
    const roots = [
      { id: 'a', '@Component.dependsOn': [link('x'), link('y')] },
      { id: 'b', '@Component.dependsOn': [link('x')] },
      { id: 'c', '@Component.dependsOn': null },
    ];
    const row: Record<string, unknown> = {
      page: roots,
      answers1: [
        ['x', { '@Component.usedBy': [link('s1')] }],
        ['y', { '@Component.usedBy': [] }],
      ],
      answers2: [['s1', { '@Service.uses': [link('x')] }]],
    };
    attachLevels(row, roots, [
      { column: 'answers1', parent: -1, key: '@Component.dependsOn' },
      { column: 'answers2', parent: 0, key: '@Component.usedBy' },
    ]);
    expect(Object.keys(row)).toEqual(['page']);
    const [ax, ay] = roots[0]!['@Component.dependsOn'] as { node: Record<string, unknown> }[];
    const [bx] = roots[1]!['@Component.dependsOn'] as { node: Record<string, unknown> }[];
    // Both occurrences of x get its answers; each is its own record.
    expect(ax!.node['@Component.usedBy']).toEqual([{ type: 'DEPENDS_ON', node: { id: 's1', '@Service.uses': [link('x')] } }]);
    expect(bx!.node['@Component.usedBy']).toEqual(ax!.node['@Component.usedBy']);
    expect(ay!.node['@Component.usedBy']).toEqual([]);
  });

  it('leaves a node without answers as it was (its resolver then asks the links loader)', () => {
    const roots = [{ id: 'a', '@Component.dependsOn': [link('z', { name: 'Z' })] }];
    const row: Record<string, unknown> = { node: roots[0], answers1: [] };
    attachLevels(row, roots, [{ column: 'answers1', parent: -1, key: '@Component.dependsOn' }]);
    expect((roots[0]!['@Component.dependsOn'] as { node: unknown }[])[0]!.node).toEqual({ id: 'z', name: 'Z' });
    expect(row).toEqual({ node: roots[0] });
  });
});
