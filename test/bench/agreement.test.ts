import { describe, expect, it } from '@jest/globals';
import { mixParams } from '../../bench/agreement';
import type { Picks } from '../../bench/pick';

describe('mixParams', () => {
  it('takes the picks of the graph and the fixed node and search text', () => {
    const picks: Picks = { hub: 'pvog', hubReason: 'r', mid: { id: 'eu-eid', dependents: 4, target: 3.6 }, subgraph: { id: 'eu-eid', nodes: 82 }, service: { id: 'leika:1', requirements: 7 } };
    expect(mixParams(picks, '2026-02-03')).toEqual({ hub: 'pvog', mid: 'eu-eid', nodeId: 'bundid', subgraphId: 'eu-eid', serviceId: 'leika:1', searchText: 'Wohngeld', today: '2026-02-03' });
    expect(mixParams(picks).today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
