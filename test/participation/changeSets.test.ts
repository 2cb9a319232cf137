import { describe, expect, it } from '@jest/globals';
import type { GraphView, Props } from '../../src/curation/changeSet';
import { exceptionChangeSet } from '../../src/participation/exceptionChangeSet';
import { inclusionChangeSet } from '../../src/participation/inclusionChangeSet';
import { reportCandidates, reportChangeSet } from '../../src/participation/reportChangeSet';

const base = { requestId: 'inclusion-request-1', reason: 'Because.', reference: null, criteria: [{ criterion: 'criterion:dstack:interoperabilitaet', level: 'partly' as const, reason: 'APIs partly open.' }], date: '2026-12-07', itemId: 'x', itemName: 'X', newItem: null, stack: 'stack:germany', stackName: 'Deutschland-Stack', body: 'org:bund', bodyName: 'Bund', alreadyIncluded: false };

describe('inclusionChangeSet', () => {
  it('writes the Decision with DECIDES, RATES per criterion (level and reason), SCOPED_TO and DECIDED_BY; a rejection includes nothing', () => {
    const ops = inclusionChangeSet({ ...base, outcome: 'rejected' });
    expect(ops.map((o) => ('type' in o ? o.type : o.op))).toEqual(['addNode', 'DECIDES', 'RATES', 'SCOPED_TO', 'DECIDED_BY']);
    expect(ops[2]).toMatchObject({ from: 'decision:inclusion-request-1', to: 'criterion:dstack:interoperabilitaet', properties: { level: 'partly', reason: 'APIs partly open.' } });
  });
  it('includes the item on `included` (unless it is in the stack already) and adds a new item with its profile', () => {
    const newItem = { id: 'x', label: 'Component' as const, name: 'X', kind: 'product', description: null, license: 'EUPL-1.2', steward: null, stewardId: 'org:bund', layer: 'layer:a', operatingModels: ['self-hosted'], url: null };
    const ops = inclusionChangeSet({ ...base, outcome: 'included', newItem });
    expect(ops[0]).toMatchObject({ op: 'addNode', label: 'Component', id: 'x', properties: { name: 'X', kind: 'product', license: 'EUPL-1.2', operatingModels: ['self-hosted'] } });
    expect(ops.filter((o) => 'type' in o).map((o) => ('type' in o ? o.type : ''))).toEqual(['IN_LAYER', 'STEWARDS', 'DECIDES', 'RATES', 'SCOPED_TO', 'DECIDED_BY', 'INCLUDES']);
    expect(inclusionChangeSet({ ...base, outcome: 'included', alreadyIncluded: true }).some((o) => 'type' in o && o.type === 'INCLUDES')).toBe(false);
  });
});

describe('exceptionChangeSet', () => {
  it('writes the Exception with its end date, DEVIATES_FROM and GRANTED_FOR', () => {
    const ops = exceptionChangeSet({ requestId: 'exception-request-2', requirement: 'req:r', requirementName: 'R', grantedFor: 'leika:1', grantedForName: 'S', justification: 'J', until: '2027-01-31', since: '2026-12-07' });
    expect(ops).toEqual([
      expect.objectContaining({ op: 'addNode', label: 'Exception', id: 'exc:exception-request-2', properties: expect.objectContaining({ expires: '2027-01-31', since: '2026-12-07', reason: 'J', request: 'exception-request-2' }) }),
      { op: 'addLink', type: 'DEVIATES_FROM', from: 'exc:exception-request-2', to: 'req:r', properties: {} },
      { op: 'addLink', type: 'GRANTED_FOR', from: 'exc:exception-request-2', to: 'leika:1', properties: {} },
    ]);
  });
});

describe('report change sets', () => {
  it('keeps the latest report per item for ADOPTS, names each link once, and adds OFFERS and USES for covered services', () => {
    const ops = reportCandidates('org:k', [{ item: 'bundid', status: 'planned', date: '2026-01-01', services: [] }, { item: 'bundid', status: 'in-use', date: '2026-06-01', services: ['leika:1'] }], [{ service: 'leika:1', item: 'bundid' }]);
    expect(ops).toEqual([
      { op: 'addLink', type: 'ADOPTS', from: 'org:k', to: 'bundid', properties: { status: 'in-use', since: '2026-06-01' } },
      { op: 'addLink', type: 'OFFERS', from: 'org:k', to: 'leika:1', properties: {} },
      { op: 'addLink', type: 'USES', from: 'leika:1', to: 'bundid', properties: {} },
    ]);
  });
  it('against the graph: changes ADOPTS when the status differs, leaves existing links alone', () => {
    const view: GraphView = { node: () => null, link: (type): Props | null => (type === 'ADOPTS' ? { status: 'planned', since: '2026-01-01' } : type === 'OFFERS' ? {} : null) };
    const ops = reportChangeSet(reportCandidates('org:k', [{ item: 'bundid', status: 'in-use', date: '2026-06-01', services: ['leika:1'] }], []), view);
    expect(ops).toEqual([
      { op: 'changeLink', type: 'ADOPTS', from: 'org:k', to: 'bundid', set: { status: 'in-use', since: '2026-06-01' }, unset: [] },
      { op: 'addLink', type: 'USES', from: 'leika:1', to: 'bundid', properties: {} },
    ]);
    const same: GraphView = { node: () => null, link: () => ({ status: 'in-use', since: '2026-06-01' }) };
    expect(reportChangeSet(reportCandidates('org:k', [{ item: 'bundid', status: 'in-use', date: '2026-06-01', services: [] }], []), same)).toEqual([]);
  });
});
