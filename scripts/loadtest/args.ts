import { parseArgs } from 'node:util';

/** Which phases run: the well-behaved mix alone, the mix beside attackers, or the one then the other. */
export type LoadtestMode = 'calm' | 'adversarial' | 'both';

/** The command line of `npm run loadtest`, checked. */
export interface LoadtestArgs {
  readonly duration: number;
  readonly warmup: number;
  readonly connections: number;
  readonly mode: LoadtestMode;
  /** Attacker clients of the adversarial phase. */
  readonly attackers: number;
  readonly url: string | undefined;
  readonly out: string | undefined;
  readonly dataDir: string;
}

const MODES: readonly LoadtestMode[] = ['calm', 'adversarial', 'both'];

/** Reads `argv` (without node and the script); throws with the rule and the value on a wrong one. */
export function parseLoadtestArgs(argv: readonly string[]): LoadtestArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      duration: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '50' },
      mode: { type: 'string' },
      adversarial: { type: 'boolean', default: false },
      attackers: { type: 'string', default: '4' },
      url: { type: 'string' },
      out: { type: 'string' },
      'data-dir': { type: 'string', default: '.neo4j/loadtest' },
    },
  });
  const [duration, warmup, connections, attackers] = [Number(values.duration), Number(values.warmup), Number(values.connections), Number(values.attackers)];
  const problems: string[] = [];
  if (![duration, connections].every((n) => Number.isInteger(n) && n > 0)) problems.push(`--duration and --connections take whole numbers above 0, got ${values.duration} and ${values.connections}`);
  if (!(Number.isInteger(warmup) && warmup >= 0)) problems.push(`--warmup takes a whole number of 0 or more, got ${values.warmup}`);
  if (!(Number.isInteger(attackers) && attackers >= 1 && attackers <= 250)) problems.push(`--attackers takes a whole number from 1 to 250, got ${values.attackers}`);
  if (values.mode !== undefined && !(MODES as readonly string[]).includes(values.mode)) problems.push(`--mode takes ${MODES.join(', ')}, got "${values.mode}"`);
  if (values.adversarial && values.mode !== undefined && values.mode !== 'adversarial') problems.push(`--adversarial and --mode ${values.mode} contradict each other`);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const mode = (values.mode as LoadtestMode | undefined) ?? (values.adversarial ? 'adversarial' : 'calm');
  return { duration, warmup, connections, mode, attackers, url: values.url, out: values.out, dataDir: values['data-dir'] };
}

/** The phases a mode runs, in order. */
export function phasesOf(mode: LoadtestMode): ('calm' | 'adversarial')[] {
  return mode === 'both' ? ['calm', 'adversarial'] : [mode];
}

/** The X-Forwarded-For address of well-behaved connection `m` (1-based): 10.1.0.1, 10.1.0.2, ... */
export function wellBehavedAddress(m: number): string {
  return `10.1.${Math.floor((m - 1) / 250)}.${((m - 1) % 250) + 1}`;
}

/** The X-Forwarded-For address of attacker `n` (1-based, at most 250): 10.66.0.1, ... */
export function attackerAddress(n: number): string {
  return `10.66.0.${n}`;
}
