import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CypherFileError, loadCypher, splitStatements } from '../../src/neo4j/cypher';
import { declaredQueries } from '../../src/neo4j/query';
import '../../src/app';

describe('loadCypher', () => {
  it('finds a file for every query the code declares', () => {
    const names = declaredQueries();
    expect(names).toContain('system/databaseInfo');
    const registry = loadCypher(names);
    for (const n of names) expect(registry.get(n).length).toBeGreaterThan(0);
  });

  it('stops with the path of a missing file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cypher-'));
    fs.mkdirSync(path.join(dir, 'a'));
    fs.writeFileSync(path.join(dir, 'a', 'present.cypher'), 'RETURN 1');
    expect(() => loadCypher(['a/present', 'a/absent'], dir)).toThrow(new CypherFileError(`missing Cypher file(s): ${path.join(dir, 'a', 'absent.cypher')}`));
    const registry = loadCypher(['a/present'], dir);
    expect(registry.get('a/present')).toBe('RETURN 1');
    expect(() => registry.get('a/other')).toThrow(path.join(dir, 'a', 'other.cypher'));
  });

  it('lists the schema files', () => {
    expect(loadCypher([]).namesUnder('schema/')).toContain('schema/constraints');
  });
});

describe('splitStatements', () => {
  it('splits at semicolons that end a line and drops comment lines', () => {
    const text = '// comment\nCREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE;\n\nCREATE INDEX b IF NOT EXISTS\nFOR (n:B) ON (n.x);\n';
    expect(splitStatements(text)).toEqual([
      'CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX b IF NOT EXISTS\nFOR (n:B) ON (n.x)',
    ]);
  });

  it('keeps semicolons inside a line', () => {
    expect(splitStatements("RETURN 'a;b' AS x")).toEqual(["RETURN 'a;b' AS x"]);
  });
});
