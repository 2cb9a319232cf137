import { checkDate, checkItem, checkLeikaKey, checkStatus, shown, type AdoptionStatusValue, type Checked } from './reportValues';

/** One row of an adoption report file: an organisation's status for an item from a date. */
export interface AdoptionCsvRow {
  readonly line: number;
  readonly item: string;
  readonly status: AdoptionStatusValue;
  /** YYYY-MM-DD, not in the future. */
  readonly date: string;
  /** LeiKa keys of the services it covers (each once, in file order). */
  readonly services: readonly string[];
  readonly note: string | null;
  /** Field name → 1-based column, for problems found later. */
  readonly columns: Readonly<Record<string, number>>;
}

/** One row of a use report file: a service (LeiKa key) uses an item. */
export interface UseCsvRow {
  readonly line: number;
  readonly leikaKey: string;
  readonly item: string;
  readonly note: string | null;
  readonly columns: Readonly<Record<string, number>>;
}

/** What a row reader sees of one data row. */
export interface RowContext {
  readonly line: number;
  readonly columns: Readonly<Record<string, number>>;
  readonly today: string;
  /** The value in a column, trimmed ('' when the file has no such column). */
  value(name: string): string;
  /** Records a problem at a column. */
  problem(name: string, message: string): void;
}

/** The columns of one kind of report file and how its rows are read. */
export interface ReportLayout<R extends { readonly line: number }> {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** The row, or null when a value was wrong (each wrong value is recorded as a problem). */
  row(c: RowContext): R | null;
  /** Rows with the same key are duplicates. */
  key(row: R): string;
  /** The message for a row whose key an earlier row (on line `earlier`) has. */
  duplicate(row: R, earlier: number): string;
  /** The column a duplicate is reported at. */
  readonly duplicateField: string;
}

/** The value of each check, or null after recording the failures (so every wrong value is reported). */
function values<T extends Record<string, Checked<unknown>>>(c: RowContext, checks: T): { [K in keyof T]: T[K] extends Checked<infer V> ? V : never } | null {
  const out: Record<string, unknown> = {};
  let ok = true;
  for (const [name, checked] of Object.entries(checks)) {
    if ('message' in checked) {
      c.problem(name, checked.message);
      ok = false;
    } else out[name] = checked.value;
  }
  return ok ? (out as { [K in keyof T]: T[K] extends Checked<infer V> ? V : never }) : null;
}

/** The note column: null when empty. */
function note(c: RowContext): string | null {
  return c.value('note') || null;
}

/** LeiKa keys separated by spaces or `|`, each once; null after recording the wrong ones. */
function services(c: RowContext): string[] | null {
  const keys = new Set<string>();
  let ok = true;
  for (const token of c.value('services').split(/[\s|]+/)) {
    if (token === '') continue;
    const key = checkLeikaKey(token, 'service');
    if ('message' in key) {
      c.problem('services', `${key.message}; separate keys by spaces or |`);
      ok = false;
    } else keys.add(key.value);
  }
  return ok ? [...keys] : null;
}

/** Adoption reports: `item,status,date` and optionally `services`, `note`. */
export const ADOPTION_LAYOUT: ReportLayout<AdoptionCsvRow> = {
  required: ['item', 'status', 'date'],
  optional: ['services', 'note'],
  row(c) {
    const v = values(c, { item: checkItem(c.value('item')), status: checkStatus(c.value('status')), date: checkDate(c.value('date'), c.today) });
    const keys = services(c);
    if (!v || !keys) return null;
    return { line: c.line, item: v.item, status: v.status, date: v.date, services: keys, note: note(c), columns: c.columns };
  },
  key: (row) => `${row.item}\u0000${row.date}`,
  duplicate: (row, earlier) => `item ${shown(row.item)} with date ${row.date} is already on line ${earlier}: one report per item and date`,
  duplicateField: 'item',
};

/** Use reports: `leika,item` and optionally `note`. */
export const USE_LAYOUT: ReportLayout<UseCsvRow> = {
  required: ['leika', 'item'],
  optional: ['note'],
  row(c) {
    const v = values(c, { leika: checkLeikaKey(c.value('leika'), 'leika'), item: checkItem(c.value('item')) });
    if (!v) return null;
    return { line: c.line, leikaKey: v.leika, item: v.item, note: note(c), columns: c.columns };
  },
  key: (row) => `${row.leikaKey}\u0000${row.item}`,
  duplicate: (row, earlier) => `LeiKa key ${row.leikaKey} with item ${shown(row.item)} is already on line ${earlier}`,
  duplicateField: 'item',
};
