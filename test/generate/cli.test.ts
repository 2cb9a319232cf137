import { parseArgs } from '../../src/generate/cli';

describe('the generate command line', () => {
  it('takes --scale (fractional too), --seed and --remove', () => {
    expect(parseArgs([])).toEqual({ scale: 1, seed: 1, remove: false, help: false });
    expect(parseArgs(['--scale', '0.02', '--seed', '7'])).toEqual({ scale: 0.02, seed: 7, remove: false, help: false });
    expect(parseArgs(['--scale=2'])).toMatchObject({ scale: 2 });
    expect(parseArgs(['--remove'])).toMatchObject({ remove: true });
    expect(parseArgs(['-h'])).toMatchObject({ help: true });
  });

  it('refuses bad values and unknown arguments, restating the rule', () => {
    expect(() => parseArgs(['--scale', '0'])).toThrow('--scale must be a number above 0 and at most 20, got "0"');
    expect(() => parseArgs(['--scale', 'big'])).toThrow('--scale must be a number above 0 and at most 20, got "big"');
    expect(() => parseArgs(['--scale', '21'])).toThrow('at most 20, got "21"');
    expect(() => parseArgs(['--scale'])).toThrow('--scale needs a value');
    expect(() => parseArgs(['--seed', '1.5'])).toThrow('--seed must be an integer from 0 to 4294967295, got "1.5"');
    expect(() => parseArgs(['--force'])).toThrow('unknown option --force');
    expect(() => parseArgs(['now'])).toThrow('unexpected argument "now"');
  });
});
