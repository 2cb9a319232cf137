import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/paths';

/** The shipped copies in seeds/datasets/ are the shared data sets as they are, byte for byte. */
const shared = path.resolve(projectRoot, '..', 'shared', 'data');
const shipped = path.join(projectRoot, 'seeds', 'datasets');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

(fs.existsSync(shared) ? describe : describe.skip)('seeds/datasets', () => {
  it('holds the shared data sets unchanged, with their licences', () => {
    const expected = files(shared);
    expect(files(shipped)).toEqual(expected);
    for (const f of expected) expect(fs.readFileSync(path.join(shipped, f)).equals(fs.readFileSync(path.join(shared, f)))).toBe(true);
    expect(expected).toEqual(expect.arrayContaining(['ozg-katalog-nrw-2019/LICENSE', 'd-stack-landscape/LICENSE']));
  });
});
