import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { LICENCE_ALIASES, LICENCE_CLASSES, LICENCE_REFS, LICENCE_TABLE, isOpenLicenceClass, licenceClassOf, normalizeLicence, type LicenceClass } from '../../src/model';
import { defaultSources } from '../../src/seed/seed';

// The SPDX License List (npm spdx-license-list, a copy of https://spdx.org/licenses/): id -> name, OSI approval.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SPDX = require('spdx-license-list') as Record<string, { name: string; url: string; osiApproved: boolean }>;

/**
 * Licences that are free but not flagged OSI-approved in the SPDX list: content licences and public
 * domain dedications, and licences the FSF lists as free (PSF-2.0, CDDL-1.1, OpenSSL, X11).
 */
const OPEN_WITHOUT_OSI = new Set(['CC0-1.0', 'CC-BY-4.0', 'CC-BY-SA-4.0', 'W3C-20150513', 'OpenSSL', 'X11', 'PSF-2.0', 'CDDL-1.1', 'LicenseRef-public-domain']);

describe('licence classes against the SPDX License List', () => {
  const ids = Object.keys(LICENCE_TABLE);

  it('uses SPDX ids only (or a documented LicenseRef)', () => {
    const unknown = ids.filter((id) => !(id in SPDX) && !(id in LICENCE_REFS));
    expect(unknown).toEqual([]);
    for (const ref of Object.keys(LICENCE_REFS)) expect(ref.startsWith('LicenseRef-')).toBe(true);
  });

  it('gives open classes only to OSI-approved licences (or the listed free ones), and closed classes never to them', () => {
    for (const id of ids) {
      const cls = LICENCE_TABLE[id] as LicenceClass;
      const osi = SPDX[id]?.osiApproved === true;
      if (isOpenLicenceClass(cls)) expect([id, osi || OPEN_WITHOUT_OSI.has(id)]).toEqual([id, true]);
      else expect([id, osi]).toEqual([id, false]);
    }
  });

  it('classifies every well-known OSI licence family as the licence texts say', () => {
    // Spot checks against the texts: network copyleft, file-level copyleft, permissive.
    const expected: Record<string, LicenceClass> = {
      'AGPL-3.0-only': 'strong-copyleft',
      'EUPL-1.2': 'strong-copyleft',
      'GPL-2.0-or-later': 'strong-copyleft',
      'LGPL-2.1-only': 'weak-copyleft',
      'MPL-2.0': 'weak-copyleft',
      'EPL-2.0': 'weak-copyleft',
      'Apache-2.0': 'permissive',
      'MIT': 'permissive',
      'BSD-3-Clause': 'permissive',
      'SSPL-1.0': 'source-available',
      'BUSL-1.1': 'source-available',
      'Elastic-2.0': 'source-available',
    };
    for (const [id, cls] of Object.entries(expected)) expect([id, licenceClassOf(id)]).toEqual([id, cls]);
    expect(new Set(Object.values(LICENCE_TABLE))).toEqual(new Set(LICENCE_CLASSES));
  });

  it('resolves the deprecated spellings of the data sets to current SPDX ids', () => {
    for (const [alias, id] of Object.entries(LICENCE_ALIASES)) {
      expect(id in LICENCE_TABLE).toBe(true);
      expect(normalizeLicence(alias)).toBe(id);
      // Deprecated SPDX ids (GPL-2.0, AGPL-3.0, ...) are on the list and mean the -only variant.
      if (alias in SPDX) expect(id.startsWith(alias)).toBe(true);
    }
  });

  it('classifies expressions: OR takes the most open choice, AND the most restrictive, WITH keeps the licence', () => {
    const rank = (c: LicenceClass): number => LICENCE_CLASSES.indexOf(c);
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const alts = Array.from({ length: 1 + rnd(3) }, () => Array.from({ length: 1 + rnd(2) }, () => ids[rnd(ids.length)] as string));
      const text = alts.map((a) => a.join(' AND ')).join(' OR ');
      const want = alts
        .map((a) => a.map((id) => LICENCE_TABLE[id] as LicenceClass).reduce((x, y) => (rank(y) > rank(x) ? y : x)))
        .reduce((x, y) => (rank(y) < rank(x) ? y : x));
      expect([text, licenceClassOf(text)]).toEqual([text, want]);
    }
    expect(licenceClassOf('GPL-2.0-only WITH Classpath-exception-2.0')).toBe('strong-copyleft');
    expect(licenceClassOf('GPL-2.0-only WITH Made-up-exception')).toBeNull();
    expect(licenceClassOf('(MIT OR Apache-2.0)')).toBeNull();
    expect(licenceClassOf('Not-A-Licence')).toBeNull();
  });

  it('knows every licence the data sets and profile files state', () => {
    const s = defaultSources();
    const stated: string[] = [];
    for (const f of fs.readdirSync(path.join(s.landscapeDir, 'items'))) {
      const item = JSON.parse(fs.readFileSync(path.join(s.landscapeDir, 'items', f), 'utf8')) as { license?: string };
      if (item.license) stated.push(item.license);
    }
    const dir = path.join(s.seedsDir, 'profiles');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
      const doc = YAML.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { profiles?: { licence?: { spdx: string } }[] };
      for (const p of doc.profiles ?? []) if (p.licence) stated.push(p.licence.spdx);
    }
    expect(stated.length).toBeGreaterThan(100);
    expect(stated.filter((l) => licenceClassOf(l) === null)).toEqual([]);
  });
});
