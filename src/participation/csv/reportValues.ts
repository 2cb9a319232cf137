import { ADOPTION_STATUSES } from '../../model/values';

/** A value that passed its check, or why it did not (a message that restates the rule). */
export type Checked<T> = { readonly value: T } | { readonly message: string };

/** An adoption status. */
export type AdoptionStatusValue = (typeof ADOPTION_STATUSES)[number];

/** The longest graph id. */
export const MAX_ID_LENGTH = 200;

const GRAPH_ID = /^[a-z0-9][a-z0-9:._-]*$/;
const LEIKA_KEY = /^\d{14}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** A value for a message: quoted, and cut after 60 characters. */
export function shown(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

/** A graph id: lower-case letters, digits and `: . _ -`, starting with a letter or digit, at most 200 characters. */
export function checkItem(raw: string): Checked<string> {
  const v = raw.trim();
  if (v === '') return { message: 'item is empty: give the id of a component or standard' };
  if (v.length > MAX_ID_LENGTH) return { message: `item has ${v.length} characters: an id has at most ${MAX_ID_LENGTH}` };
  if (/\s/.test(v)) return { message: `item ${shown(v)} holds whitespace: an id has none` };
  if (GRAPH_ID.test(v)) return { value: v };
  const lower = v.toLowerCase();
  const hint = GRAPH_ID.test(lower) ? ` (ids are lower case: ${shown(lower)}?)` : '';
  return { message: `item ${shown(v)} is not an id: lower-case letters, digits and : . _ - only, starting with a letter or digit${hint}` };
}

/** One of planned, piloting, in-use, retired; case does not matter and `in_use` means in-use. */
export function checkStatus(raw: string): Checked<AdoptionStatusValue> {
  const v = raw.trim().toLowerCase();
  const status = v === 'in_use' ? 'in-use' : v;
  if ((ADOPTION_STATUSES as readonly string[]).includes(status)) return { value: status as AdoptionStatusValue };
  const what = v === '' ? 'status is empty' : `status ${shown(raw.trim())} is unknown`;
  return { message: `${what}: give one of ${ADOPTION_STATUSES.join(', ')}` };
}

/** True when `v` is YYYY-MM-DD and a day of the calendar. */
export function isCalendarDate(v: string): boolean {
  const m = ISO_DATE.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** A date YYYY-MM-DD of the calendar, not after `today` (a report states what holds). */
export function checkDate(raw: string, today: string): Checked<string> {
  const v = raw.trim();
  if (v === '') return { message: 'date is empty: give the date the status holds from, as YYYY-MM-DD' };
  if (!ISO_DATE.test(v)) {
    const g = GERMAN_DATE.exec(v);
    const hint = g ? ` (${g[3]}-${g[2]!.padStart(2, '0')}-${g[1]!.padStart(2, '0')}?)` : '';
    return { message: `date ${shown(v)} is not YYYY-MM-DD${hint}` };
  }
  if (!isCalendarDate(v)) return { message: `date ${shown(v)} is not a day of the calendar` };
  if (v > today) return { message: `date ${v} is after today (${today}): a report states what holds, not plans: use status planned for the future` };
  return { value: v };
}

/** A LeiKa key: the catalogue's 14 digits. */
export function checkLeikaKey(raw: string, field = 'LeiKa key'): Checked<string> {
  const v = raw.trim();
  if (LEIKA_KEY.test(v)) return { value: v };
  if (v === '') return { message: `${field} is empty: give the service's 14-digit LeiKa key` };
  const excel = /^\d+(?:[.,]\d+)?E\+?\d+$/i.test(v) ? ' (Excel writes long numbers like this: format the column as text before saving)' : '';
  return { message: `${field} ${shown(v)} is not a LeiKa key: 14 digits${excel}` };
}
