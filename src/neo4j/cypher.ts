import fs from 'node:fs';
import path from 'node:path';
import { cypherDir } from '../paths';

/** Thrown at boot when a declared query has no `.cypher` file, or a file cannot be read. */
export class CypherFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CypherFileError';
  }
}

/** The text of every `.cypher` file, by name (`component/componentsByIds`), loaded once at boot. */
export class CypherRegistry {
  constructor(
    private readonly texts: ReadonlyMap<string, string>,
    private readonly dir: string,
  ) {}

  /** The statement named `name`; throws naming the expected file when there is none. */
  get(name: string): string {
    const text = this.texts.get(name);
    if (text === undefined) throw new CypherFileError(`missing Cypher file ${path.join(this.dir, `${name}.cypher`)}`);
    return text;
  }

  /** All names under a folder prefix (`schema/`), sorted. */
  namesUnder(prefix: string): string[] {
    return [...this.texts.keys()].filter((n) => n.startsWith(prefix)).sort();
  }

  get size(): number {
    return this.texts.size;
  }
}

/** Loads every `.cypher` file below `dir` and checks that each name in `required` has one. */
export function loadCypher(required: readonly string[], dir: string = cypherDir): CypherRegistry {
  if (!fs.existsSync(dir)) throw new CypherFileError(`the Cypher folder ${dir} does not exist`);
  const texts = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.cypher')) {
        const name = path.relative(dir, full).slice(0, -'.cypher'.length).split(path.sep).join('/');
        texts.set(name, fs.readFileSync(full, 'utf8'));
      }
    }
  };
  walk(dir);
  const missing = required.filter((n) => !texts.has(n));
  if (missing.length > 0) {
    throw new CypherFileError(`missing Cypher file(s): ${missing.map((n) => path.join(dir, `${n}.cypher`)).join(', ')}`);
  }
  return new CypherRegistry(texts, dir);
}

/** Splits a schema file into statements at `;` line ends, dropping `//` comment lines. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
