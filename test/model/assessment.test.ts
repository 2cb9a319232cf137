import { ASSESSMENT_LEVELS, CRITERIA_INDICATORS, DSTACK_CRITERIA, LICENCE_CLASSES, assessItem, levelOf, weightedScore, type ItemFacts } from '../../src/model';
import { intRng } from '../support/random';

/** A small deterministic generator (the runs are repeatable). */

const CHECKS = ['openSource', 'euHeadquartered', 'hasAudit', 'permissiveLicense', 'matureProject', 'selfHostable', 'dataPortability', 'openStandards', 'noTelemetryByDefault'];

function randomFacts(rnd: (n: number) => number): ItemFacts {
  const checks: Record<string, boolean> = {};
  for (const c of CHECKS) if (rnd(3) > 0) checks[c] = rnd(2) === 0;
  const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)] as T;
  return {
    label: pick(['Component', 'Standard'] as const),
    licenceClass: rnd(3) === 0 ? null : pick(LICENCE_CLASSES),
    checks,
    ownerType: pick([null, 'independentConsortium', 'community', 'corporation']),
    stewardInEu: pick([null, true, false]),
    operatingModels: rnd(4) === 0 ? ['self-hosted'] : rnd(3) === 0 ? ['central-service'] : [],
    attestations: rnd(5) === 0 ? 1 + rnd(2) : 0,
    implementsStandards: rnd(3) === 0 ? rnd(4) : 0,
    adopters: rnd(3) === 0 ? rnd(5) : 0,
    sourcedServices: rnd(3) === 0 ? rnd(5) : 0,
    stacks: rnd(5),
    stage: pick([null, 'adopt', 'trial', 'hold', 'retire'] as const),
    endOfSupport: rnd(6) === 0 ? pick(['2020-01-01', '2030-12-31', '2026-12-01']) : null,
    kind: rnd(10) === 0 ? 'physical-infrastructure' : pick([null, 'product', 'infrastructure']),
  };
}

/**
 * The mapping as seeds/README.md documents it, written out again independently: what each indicator
 * reads, which indicators each criterion takes, and the level rule.
 */
function documented(f: ItemFacts, today: string): Record<string, string> {
  // Physical infrastructure (a component of that kind) is not assessed on the criteria.
  if (f.label === 'Component' && f.kind === 'physical-infrastructure') return Object.fromEntries(DSTACK_CRITERIA.map((c) => [c, 'not-applicable']));
  const c = (k: string): boolean | null => (k in f.checks ? (f.checks[k] as boolean) : null);
  const open = f.licenceClass === null ? c('openSource') : ['permissive', 'weak-copyleft', 'strong-copyleft'].includes(f.licenceClass);
  const indicators: Record<string, boolean | null> = {
    'open-source': open,
    'self-hostable': f.operatingModels.includes('self-hosted') ? true : c('selfHostable'),
    'data-portability': c('dataPortability'),
    'eu-steward': f.stewardInEu === null ? c('euHeadquartered') : f.stewardInEu,
    'open-standards': c('openStandards'),
    'implements-standards': f.implementsStandards > 0 ? true : null,
    mature: c('matureProject'),
    'lifecycle-current': f.stage === 'hold' || f.stage === 'retire' || (f.endOfSupport !== null && f.endOfSupport <= today) ? false : f.stage === 'adopt' ? true : null,
    'independent-steward': f.ownerType === 'corporation' ? false : f.ownerType === null ? null : true,
    audited: c('hasAudit'),
    attested: f.attestations > 0 ? true : null,
    'no-telemetry': c('noTelemetryByDefault'),
    adopted: f.adopters > 0 ? true : null,
    'used-by-services': f.sourcedServices > 0 ? true : null,
    'in-several-stacks': f.stacks >= 2 ? true : null,
  };
  const out: Record<string, string> = {};
  for (const criterion of DSTACK_CRITERIA) {
    const names = (CRITERIA_INDICATORS[criterion] as string[]).filter((k) => !(k === 'implements-standards' && f.label === 'Standard'));
    const vs = names.map((k) => indicators[k] ?? null);
    const t = vs.filter((v) => v === true).length;
    const fl = vs.filter((v) => v === false).length;
    out[criterion] = t / vs.length >= 2 / 3 ? 'met' : t >= 1 ? 'partly' : fl / vs.length >= 1 / 2 ? 'not-met' : 'unknown';
  }
  return out;
}

describe('the D-Stack criteria mapping', () => {
  it('assesses 2,000 generated profiles exactly as documented', () => {
    const rnd = intRng(11);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const f = randomFacts(rnd);
      const got = Object.fromEntries(assessItem(f, '2026-12-01').map((a) => [a.criterion, a.level]));
      expect(got).toEqual(documented(f, '2026-12-01'));
      for (const l of Object.values(got)) seen.add(l);
    }
    // The generator reaches every level.
    expect([...seen].sort()).toEqual([...ASSESSMENT_LEVELS].sort());
  });

  it('names the indicators it read with their values on every assessment', () => {
    const rnd = intRng(5);
    for (let i = 0; i < 200; i++) {
      const f = randomFacts(rnd);
      for (const a of assessItem(f, '2026-12-01')) {
        if (a.level === 'not-applicable') {
          expect(a.indicators).toEqual([]);
          continue;
        }
        expect(a.indicators.map((x) => x.indicator)).toEqual((CRITERIA_INDICATORS[a.criterion] as string[]).filter((k) => !(k === 'implements-standards' && f.label === 'Standard')));
        expect(levelOf(a.indicators.map((x) => x.value))).toBe(a.level);
      }
    }
  });

  it('never lets unknown count as met', () => {
    expect(levelOf([null, null, null])).toBe('unknown');
    expect(levelOf([true, null, null])).toBe('partly');
    expect(levelOf([true, true, null])).toBe('met');
    expect(levelOf([false, false, null, null])).toBe('not-met');
    expect(levelOf([false, null, null])).toBe('unknown');
    expect(weightedScore({ a: 'unknown', b: 'met' }, { a: 1, b: 1 })).toBe(0.5);
    expect(weightedScore({ a: 'partly' }, { a: 2, b: 2 })).toBe(0.25);
  });
});
