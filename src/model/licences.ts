/**
 * Licence classes and the table that assigns one to each licence (SPDX id).
 *
 * The classes follow the usual reading of the licence texts (and the Open Source Initiative's and the
 * Free Software Foundation's lists): a permissive licence lets a user run, change and pass on the
 * software under almost any terms; a weak copyleft licence requires changes to the licensed files
 * (or library) to stay open; a strong copyleft licence requires the whole derived work to stay open
 * (the network licences, AGPL and EUPL, also when it is only offered over a network); a
 * source-available licence shows the source but restricts use (no competing service, no production
 * use, field-of-use limits) and is not open source; proprietary software has no public licence.
 * The ids are the SPDX License List's (https://spdx.org/licenses/); a test checks every id and class
 * against that list (npm `spdx-license-list`): open classes only for licences the OSI or the FSF
 * approve, source-available only for licences neither approves.
 */
export const LICENCE_CLASSES = ['permissive', 'weak-copyleft', 'strong-copyleft', 'source-available', 'proprietary'] as const;
export type LicenceClass = (typeof LICENCE_CLASSES)[number];

/** The classes that are open source (run, study, change and share without restriction of use). */
export const OPEN_LICENCE_CLASSES: readonly LicenceClass[] = ['permissive', 'weak-copyleft', 'strong-copyleft'];

/** SPDX id (or one of the LicenseRef ids below) -> class. */
export const LICENCE_TABLE: Readonly<Record<string, LicenceClass>> = {
  // Permissive
  '0BSD': 'permissive',
  'Apache-1.1': 'permissive',
  'Apache-2.0': 'permissive',
  'Artistic-2.0': 'permissive',
  'BSD-2-Clause': 'permissive',
  'BSD-3-Clause': 'permissive',
  'BSL-1.0': 'permissive',
  'CC0-1.0': 'permissive',
  'CC-BY-4.0': 'permissive',
  'ISC': 'permissive',
  'MIT': 'permissive',
  'MIT-0': 'permissive',
  'MulanPSL-2.0': 'permissive',
  'NCSA': 'permissive',
  'OpenSSL': 'permissive',
  'PHP-3.01': 'permissive',
  'PostgreSQL': 'permissive',
  'PSF-2.0': 'permissive',
  'Python-2.0': 'permissive',
  'Unlicense': 'permissive',
  'W3C': 'permissive',
  'W3C-20150513': 'permissive',
  'X11': 'permissive',
  'Zlib': 'permissive',
  'ZPL-2.1': 'permissive',
  'LicenseRef-public-domain': 'permissive',
  // Weak copyleft (file or library level)
  'CDDL-1.0': 'weak-copyleft',
  'CDDL-1.1': 'weak-copyleft',
  'EPL-1.0': 'weak-copyleft',
  'EPL-2.0': 'weak-copyleft',
  'LGPL-2.0-only': 'weak-copyleft',
  'LGPL-2.0-or-later': 'weak-copyleft',
  'LGPL-2.1-only': 'weak-copyleft',
  'LGPL-2.1-or-later': 'weak-copyleft',
  'LGPL-3.0-only': 'weak-copyleft',
  'LGPL-3.0-or-later': 'weak-copyleft',
  'MPL-1.1': 'weak-copyleft',
  'MPL-2.0': 'weak-copyleft',
  'CC-BY-SA-4.0': 'weak-copyleft',
  // Strong copyleft (whole work; AGPL and EUPL also for network use)
  'AGPL-3.0-only': 'strong-copyleft',
  'AGPL-3.0-or-later': 'strong-copyleft',
  'EUPL-1.1': 'strong-copyleft',
  'EUPL-1.2': 'strong-copyleft',
  'GPL-2.0-only': 'strong-copyleft',
  'GPL-2.0-or-later': 'strong-copyleft',
  'GPL-3.0-only': 'strong-copyleft',
  'GPL-3.0-or-later': 'strong-copyleft',
  'OSL-3.0': 'strong-copyleft',
  // Source-available (not open source)
  'BUSL-1.1': 'source-available',
  'Elastic-2.0': 'source-available',
  'SSPL-1.0': 'source-available',
  'CC-BY-NC-4.0': 'source-available',
  'LicenseRef-RSALv2': 'source-available',
  'LicenseRef-n8n-Sustainable-Use-License-1.0': 'source-available',
  'LicenseRef-ScyllaDB-Software-License-Agreement-1.1': 'source-available',
  // No public licence
  'LicenseRef-Element-Commercial': 'proprietary',
  'LicenseRef-proprietary': 'proprietary',
};

/**
 * Spellings in the data sets that are not current SPDX ids, with the id they stand for. The SPDX list
 * keeps `GPL-2.0`, `LGPL-2.0` and `AGPL-3.0` as deprecated ids for the `-only` variants.
 */
export const LICENCE_ALIASES: Readonly<Record<string, string>> = {
  'GPL-2.0': 'GPL-2.0-only',
  'GPL-3.0': 'GPL-3.0-only',
  'LGPL-2.0': 'LGPL-2.0-only',
  'LGPL-2.1': 'LGPL-2.1-only',
  'LGPL-3.0': 'LGPL-3.0-only',
  'AGPL-3.0': 'AGPL-3.0-only',
  'PSF': 'PSF-2.0',
  'public-domain': 'LicenseRef-public-domain',
  'RSALv2': 'LicenseRef-RSALv2',
  'proprietary': 'LicenseRef-proprietary',
};

/** The ids outside the SPDX list that the table uses, with what they mean. */
export const LICENCE_REFS: Readonly<Record<string, string>> = {
  'LicenseRef-public-domain': 'dedicated to the public domain without a named licence',
  'LicenseRef-RSALv2': 'Redis Source Available License 2.0 (not on the SPDX list)',
  'LicenseRef-proprietary': 'no public licence: commercial or closed software',
  'LicenseRef-n8n-Sustainable-Use-License-1.0': "n8n's Sustainable Use License 1.0 (fair-code, use restricted)",
  'LicenseRef-ScyllaDB-Software-License-Agreement-1.1': "ScyllaDB's source-available licence",
  'LicenseRef-Element-Commercial': "Element's commercial licence for Synapse",
};

/** Licence exceptions (SPDX `WITH`) that widen what a licence allows; they do not change its class here. */
export const LICENCE_EXCEPTIONS = new Set(['Classpath-exception-2.0', 'LLVM-exception', 'GCC-exception-3.1', 'OpenJDK-assembly-exception-1.0']);

/** The SPDX id a spelling stands for (aliases resolved), or the spelling itself. */
export function normalizeLicence(raw: string): string {
  const t = raw.trim();
  return LICENCE_ALIASES[t] ?? t;
}

/** How restrictive a class is (for expressions): lower is more open. */
const RANK: Readonly<Record<LicenceClass, number>> = { permissive: 0, 'weak-copyleft': 1, 'strong-copyleft': 2, 'source-available': 3, proprietary: 4 };

/**
 * The class of a licence or SPDX licence expression, or null when the table does not know a part.
 * `A OR B` (the user chooses) takes the most open class of its parts; `A AND B` (both apply) the most
 * restrictive; `A WITH exception` the class of A. Parentheses are not supported.
 */
export function licenceClassOf(raw: string): LicenceClass | null {
  const expr = raw.trim();
  if (/[()]/.test(expr)) return null;
  const classOfTerm = (term: string): LicenceClass | null => {
    const [id, exception] = term.split(/\s+WITH\s+/);
    if (exception !== undefined && !LICENCE_EXCEPTIONS.has(exception.trim())) return null;
    return LICENCE_TABLE[normalizeLicence(id as string)] ?? null;
  };
  const ors = expr.split(/\s+OR\s+/).map((alt) => {
    const ands = alt.split(/\s+AND\s+/).map(classOfTerm);
    if (ands.some((c) => c === null)) return null;
    return (ands as LicenceClass[]).reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
  });
  if (ors.some((c) => c === null)) return null;
  return (ors as LicenceClass[]).reduce((a, b) => (RANK[b] < RANK[a] ? b : a));
}

/** The expression with every id normalised (aliases resolved). */
export function normalizeLicenceExpression(raw: string): string {
  return raw
    .trim()
    .split(/(\s+(?:OR|AND|WITH)\s+)/)
    .map((part, i) => (i % 2 === 1 ? ` ${part.trim()} ` : normalizeLicence(part)))
    .join('');
}

/** Whether a class is open source. */
export function isOpenLicenceClass(c: LicenceClass): boolean {
  return OPEN_LICENCE_CLASSES.includes(c);
}
