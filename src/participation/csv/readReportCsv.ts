/**
 * ## Report files (CSV)
 *
 * An organisation reports adoption (`kind: adoption`) or use (`kind: use`) with a CSV file:
 *
 * - **Encoding**: UTF-8, with or without a byte order mark. A byte that is not UTF-8 (a file saved as
 *   Windows-1252/Latin-1, e.g. `0xE4` for `ä`) is reported at its line and character position: save
 *   the file as UTF-8 ("CSV UTF-8" in Excel). Text holding U+FFFD (`�`) is refused the same way.
 * - **Separator**: `,` or `;` (German Excel writes `;`), whichever the header line uses more.
 *   A value holding the separator, a quote or a line break is put in double quotes, a quote in it
 *   doubled (`"say ""hi"""`). Lines end with CRLF or LF. Empty lines (also lines of separators only)
 *   are skipped, lines starting with `#` are comments; both still count for line numbers.
 * - **Header**: the first line that is not empty or a comment names the columns, in any order, case
 *   ignored, exactly these names:
 *   - adoption: `item`, `status`, `date` (required), `services`, `note` (optional);
 *   - use: `leika`, `item` (required), `note` (optional).
 * - **Values** (spaces around a value are dropped):
 *   - `item`: the id of a component or standard: lower-case letters, digits and `: . _ -`, starting
 *     with a letter or digit, at most 200 characters (`opendesk`, `xdomea`).
 *   - `status`: `planned`, `piloting`, `in-use` or `retired` (case ignored; `in_use` means in-use).
 *   - `date`: the day the status holds from, `YYYY-MM-DD`, a real day and not after today: a report
 *     states what holds, not plans (use status `planned` for the future).
 *   - `services`, `leika`: LeiKa keys, 14 digits each; `services` holds any number separated by
 *     spaces or `|` (format the column as text in Excel, which shows long numbers as `9.9E+13`).
 *   - `note`: free text, may be empty.
 * - **Rows**: every line needs as many fields as the header (separators at the end of a line, as
 *   Excel writes them for empty columns, are fine). Adoption: one row per item and date; use: one row
 *   per LeiKa key and item. A file has at most the configured number of rows.
 *
 * Example (adoption, as German Excel saves it):
 *
 * ```
 * item;status;date;services;note
 * bundid;in-use;2025-03-01;99036008007000|99036008070003;"Rollout; Phase 1"
 * xdomea;planned;2025-06-30;;
 * ```
 *
 * Every problem is reported (up to 1,000) with its line (1-based; the header is line 1 of a file
 * that starts with it) and column (the field number, 1-based; for an encoding problem the
 * character position; 0 for the whole line, 0/0 for the whole file).
 */
import { csvRecords, detectDelimiter, type CsvRecord } from './csvRecords';
import { decodeCsvText, type CsvInput } from './decodeCsvText';
import { ProblemList, type ImportProblem } from './ProblemList';
import { ADOPTION_LAYOUT, USE_LAYOUT, type AdoptionCsvRow, type ReportLayout, type UseCsvRow } from './reportLayouts';
import { isCalendarDate, shown } from './reportValues';

export type { ImportProblem } from './ProblemList';
export type { AdoptionCsvRow, UseCsvRow } from './reportLayouts';

/** Which report a file holds. */
export type ReportKind = 'adoption' | 'use';

/** The rows that passed every check, every problem found, and how many data rows were read. */
export interface ReportCsv<R> {
  readonly rows: readonly R[];
  readonly problems: readonly ImportProblem[];
  /** Data rows read, with or without problems (not blank lines or comments; none past maxRows). */
  readonly dataRows: number;
}

/** How a report file is read: `today` (YYYY-MM-DD) bounds dates, `fileName` appears in messages. */
export interface ReadCsvOptions {
  readonly today: string;
  readonly maxRows: number;
  readonly fileName?: string;
}

/**
 * Reads an adoption or use report file (format above) without touching the database: the rows that
 * passed every check, and every problem with its line and column. `bytes` win over `text`.
 */
export function readReportCsv(kind: 'adoption', input: CsvInput, options: ReadCsvOptions): ReportCsv<AdoptionCsvRow>;
export function readReportCsv(kind: 'use', input: CsvInput, options: ReadCsvOptions): ReportCsv<UseCsvRow>;
export function readReportCsv(kind: ReportKind, input: CsvInput, options: ReadCsvOptions): ReportCsv<AdoptionCsvRow> | ReportCsv<UseCsvRow>;
export function readReportCsv(kind: ReportKind, input: CsvInput, options: ReadCsvOptions): ReportCsv<AdoptionCsvRow> | ReportCsv<UseCsvRow> {
  if (!isCalendarDate(options.today)) throw new RangeError(`options.today must be YYYY-MM-DD, got ${shown(String(options.today))}`);
  if (!Number.isInteger(options.maxRows) || options.maxRows < 1) throw new RangeError(`options.maxRows must be a positive integer, got ${options.maxRows}`);
  if (kind === 'adoption') return readWith(ADOPTION_LAYOUT, input, options);
  if (kind === 'use') return readWith(USE_LAYOUT, input, options);
  throw new RangeError(`unknown report kind ${shown(String(kind))}: adoption or use`);
}

/** The column of each named field, and how many fields a row has. */
interface Header {
  readonly columns: Readonly<Record<string, number>>;
  readonly width: number;
}

function readWith<R extends { readonly line: number }>(layout: ReportLayout<R>, input: CsvInput, options: ReadCsvOptions): ReportCsv<R> {
  const decoded = decodeCsvText(input, options.fileName);
  if ('problem' in decoded) return { rows: [], problems: [decoded.problem], dataRows: 0 };
  const problems = new ProblemList();
  const records = csvRecords(decoded.text, detectDelimiter(decoded.text));
  // Not `for...of` with `break`: that would close the generator the rows are read from.
  let first = records.next();
  while (!first.done && !first.value.error && isBlank(first.value)) first = records.next();
  if (first.done) {
    const file = options.fileName ? `"${options.fileName}"` : 'the file';
    problems.add(0, 0, '', `${file} is empty: its first line must be the header ${layout.required.join(',')} (optional: ${layout.optional.join(', ')})`);
    return { rows: [], problems: problems.list(), dataRows: 0 };
  }
  const header = readHeader(first.value, layout, problems);
  if (!header) return { rows: [], problems: problems.list(), dataRows: 0 };

  const rows: R[] = [];
  const seen = new Map<string, number>();
  let count = 0;
  for (const r of records) {
    if (problems.full) break;
    if (!r.error && isBlank(r)) continue;
    if (count === options.maxRows) {
      problems.add(r.line, 0, '', `more than ${options.maxRows} rows: send at most ${options.maxRows} rows per file (reading stopped here)`);
      break;
    }
    count++;
    if (r.error) {
      problems.add(r.error.line, r.error.column, fieldAt(header, r.error.column), r.error.message);
      continue;
    }
    if (!fitsWidth(r, header.width)) {
      problems.add(r.line, 0, '', `the line has ${r.fields.length} fields, the header ${header.width}: put a value holding , or ; in double quotes`);
      continue;
    }
    const found: { column: number; field: string; message: string }[] = [];
    const row = layout.row({
      line: r.line,
      columns: header.columns,
      today: options.today,
      value: (name) => {
        const col = header.columns[name];
        return col === undefined ? '' : (r.fields[col - 1] ?? '').trim();
      },
      problem: (name, message) => found.push({ column: header.columns[name] ?? 0, field: name, message }),
    });
    found.sort((a, b) => a.column - b.column);
    for (const p of found) problems.add(r.line, p.column, p.field, p.message);
    if (!row) continue;
    const key = layout.key(row);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.add(r.line, header.columns[layout.duplicateField] ?? 0, layout.duplicateField, layout.duplicate(row, earlier));
      continue;
    }
    seen.set(key, r.line);
    rows.push(row);
  }
  return { rows, problems: problems.list(), dataRows: count };
}

/** The header's columns; null (after recording why) when a required column is missing or the line is broken. */
function readHeader(record: CsvRecord, layout: ReportLayout<{ readonly line: number }>, problems: ProblemList): Header | null {
  const allowed = `allowed are ${layout.required.join(', ')} (required), ${layout.optional.join(', ')}`;
  if (record.error) {
    problems.add(record.error.line, record.error.column, '', `header: ${record.error.message}`);
    return null;
  }
  const names = record.fields.map((f) => f.trim());
  let width = names.length;
  while (width > 0 && names[width - 1] === '') width--;
  const columns: Record<string, number> = {};
  for (let j = 0; j < width; j++) {
    const raw = names[j]!;
    const name = raw.toLowerCase();
    if (name === '') problems.add(record.line, j + 1, '', `column ${j + 1} has no name: ${allowed}`);
    else if (!layout.required.includes(name) && !layout.optional.includes(name)) {
      const tab = raw.includes('\t') ? ' (tabs do not separate columns: use , or ;)' : '';
      problems.add(record.line, j + 1, raw, `unknown column ${shown(raw)}${tab}: ${allowed}`);
    } else if (columns[name] !== undefined) problems.add(record.line, j + 1, name, `column "${name}" is there twice (columns ${columns[name]} and ${j + 1})`);
    else columns[name] = j + 1;
  }
  const missing = layout.required.filter((name) => columns[name] === undefined);
  for (const name of missing) problems.add(record.line, 0, name, `column "${name}" is missing: the header names ${layout.required.join(', ')} and may name ${layout.optional.join(', ')}`);
  return missing.length > 0 ? null : { columns: Object.freeze(columns), width };
}

/** True for a record of empty fields only (a blank line, or separators only). */
function isBlank(r: CsvRecord): boolean {
  return r.fields.every((f) => f.trim() === '');
}

/** True when the record has the header's number of fields, or more that are all empty. */
function fitsWidth(r: CsvRecord, width: number): boolean {
  return r.fields.length === width || (r.fields.length > width && r.fields.slice(width).every((f) => f.trim() === ''));
}

/** The field name at a 1-based column, '' when none. */
function fieldAt(header: Header, column: number): string {
  return Object.entries(header.columns).find(([, c]) => c === column)?.[0] ?? '';
}
