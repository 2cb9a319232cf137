import { LIST_PREDICATES, listCountQuery, listStatement, type ListFilter } from '../../src/engine/statements';
import { infoOf } from '../support/resolveInfo';

const NONE: ListFilter = { text: null, evidence: null, kind: null, family: null, level: null, scheme: null, layer: null, stack: null, licenceClass: null, operatingModel: null, stage: null, from: null, to: null, expiresFrom: null, expiresTo: null };
const squash = (text: string): string => text.replace(/\s+/g, ' ');

describe('the count of a root list', () => {
  it('is count(n) of the label alone without a filter, the form Neo4j answers from its count store', () => {
    const s = listStatement(infoOf('{ components { totalCount } }'), 'Component', NONE, 0, 50);
    expect(s.counts).toBe(true);
    expect(s.text).toBe('CALL () { MATCH (n:Component) RETURN count(n) AS total }\nRETURN total');
    expect(listCountQuery('Service', NONE)).toBe('MATCH (n:Service) RETURN count(n) AS total');
  });

  it('stays the count-store form next to a page', () => {
    const s = listStatement(infoOf('{ services(first: 5) { totalCount edges { node { id } } } }'), 'Service', NONE, 0, 5);
    expect(s.text.split('\n')[0]).toBe('CALL () { MATCH (n:Service) RETURN count(n) AS total }');
    expect(s.text).toContain('ORDER BY n.name, n.id');
  });

  it('applies only the filters that are set, their values as parameters', () => {
    const filter = { ...NONE, kind: "basisdienst' OR 1=1", layer: 'layer:landscape:platform' };
    const s = listStatement(infoOf('{ components { totalCount } }'), 'Component', filter, 0, 50);
    expect(s.text).toBe(
      'CALL () { MATCH (n:Component) WHERE (n.kind = $kind) AND (EXISTS { (n)-[:IN_LAYER]->(:Layer)-[:PART_OF*0..3]->(:Layer {id: $layer}) } OR (n:Layer AND EXISTS { (n)-[:PART_OF*0..3]->(:Layer {id: $layer}) })) RETURN count(n) AS total }\nRETURN total',
    );
    expect(s.text).not.toContain('basisdienst');
    expect(s.text).not.toContain('IS NULL');
    expect(s.params).toMatchObject({ kind: "basisdienst' OR 1=1", layer: 'layer:landscape:platform' });
  });

  it('turns the expiry window on by its end, and the stage keeps reading $stack', () => {
    expect(listCountQuery('Exception', { ...NONE, expiresFrom: '2026-01-01', expiresTo: '2026-03-01' })).toBe(
      'MATCH (n:Exception) WHERE (n.expires IS NOT NULL AND n.expires >= $expiresFrom AND n.expires <= $expiresTo) RETURN count(n) AS total',
    );
    expect(listCountQuery('Component', { ...NONE, stage: 'pilot' })).toContain("coalesce($stack, 'stack:germany')");
  });

  it('filters the page with the same predicates as the count, so totalCount and the pages agree', () => {
    const filter = { ...NONE, kind: 'basisdienst', evidence: 'sourced' };
    const s = listStatement(infoOf('{ components { totalCount edges { node { id } } } }'), 'Component', filter, 0, 50);
    const [count, page] = s.text.split('\n');
    const where = (line: string): string => line.slice(line.indexOf('WHERE'), line.indexOf(line.includes('count(n)') ? ' RETURN' : ' WITH n'));
    expect(where(count!)).toBe('WHERE (n.evidence = $evidence) AND (n.kind = $kind)');
    expect(where(page!)).toBe(where(count!));
    expect(squash(listStatement(infoOf('{ components { edges { node { id } } } }'), 'Component', NONE, 0, 50).text)).not.toContain('WHERE');
  });
});
