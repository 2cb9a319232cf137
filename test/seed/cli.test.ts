import path from 'node:path';
import { parseArgs } from '../../src/seed/cli';
import { defaultSources } from '../../src/seed/seed';
import { tmpTree } from '../support/tmpdir';

describe('the seed/import command line', () => {
  const base = defaultSources();

  it('takes a newer OZG catalogue or landscape copy in place of the shipped one', () => {
    const ozg = tmpTree({ 'leika_leistungen.csv': '', 'themenfelder.csv': '' });
    const land = tmpTree({ 'items/a.json': '{}', 'stacks/s.json': '{}', 'layers/l.json': '{}' });
    const { sources, check } = parseArgs([ozg, land, '--check'], base);
    expect(sources).toEqual({ ...base, ozgCatalogueDir: path.resolve(ozg), landscapeDir: path.resolve(land) });
    expect(check).toBe(true);
  });

  it('says what a folder must contain when it is neither', () => {
    const other = tmpTree({ 'x.txt': '' });
    expect(() => parseArgs([other], base)).toThrow(/neither an OZG catalogue \(leika_leistungen.csv, themenfelder.csv\) nor a D-Stack landscape/);
    expect(() => parseArgs(['/no/such/folder'], base)).toThrow('/no/such/folder is not a folder');
    expect(() => parseArgs(['--force'], base)).toThrow('unknown option --force');
  });
});
