/** The field separators a report file may use: `,` or `;` (what German Excel writes). */
export type CsvDelimiter = ',' | ';';

/** One record of a CSV file: its fields (as written, quotes removed) and the line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
  /** A quoting error: the record is not to be used; `column` is the field number. */
  readonly error?: { readonly line: number; readonly column: number; readonly message: string };
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * The delimiter of the first line that is neither blank (only spaces and separators) nor a comment: whichever of `;` and `,`
 * occurs more often outside double quotes (`,` on a tie).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (/^[\s,;]*$/.test(line) || line.startsWith('#')) continue;
    let commas = 0;
    let semicolons = 0;
    let quoted = false;
    for (const c of line) {
      if (c === '"') quoted = !quoted;
      else if (!quoted && c === ',') commas++;
      else if (!quoted && c === ';') semicolons++;
    }
    return semicolons > commas ? ';' : ',';
  }
  return ',';
}

/**
 * The records of `text`, in order (RFC 4180 with some leniency): fields in double quotes may hold
 * the delimiter, line breaks and `""` for a quote; CRLF, LF and a lone CR end a line. Empty lines and
 * lines starting with `#` are skipped; line numbers count every line. Spaces before an opening or
 * after a closing quote are dropped; a `"` inside an unquoted field is taken as it is; text after a closing quote, or a quote never closed, makes an `error` record (an
 * unclosed quote ends the file).
 */
export function* csvRecords(text: string, delimiter: CsvDelimiter): Generator<CsvRecord> {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  /** Steps over the line break at `i` (if any) and counts it. */
  const lineBreak = (): void => {
    const c = text.charCodeAt(i);
    if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    else if (c === LF) i += 1;
    else return;
    line++;
  };
  while (i < n) {
    const first = text.charCodeAt(i);
    if (first === CR || first === LF) {
      lineBreak();
      continue;
    }
    if (first === 35 /* # */) {
      while (i < n && text.charCodeAt(i) !== CR && text.charCodeAt(i) !== LF) i++;
      lineBreak();
      continue;
    }
    const start = line;
    const fields: string[] = [];
    let error: CsvRecord['error'];
    for (;;) {
      let value: string;
      const quoteAt = skipBlanks(text, i);
      if (text.charCodeAt(quoteAt) === QUOTE) {
        i = quoteAt;
        const openedOn = line;
        value = '';
        i++;
        for (;;) {
          const close = text.indexOf('"', i);
          if (close < 0) {
            yield { line: start, fields, error: { line: openedOn, column: fields.length + 1, message: 'a quoted value starts here and its closing " is missing' } };
            return;
          }
          const part = text.slice(i, close);
          line += countLineBreaks(part);
          value += part;
          i = close + 1;
          if (text.charCodeAt(i) !== QUOTE) break;
          value += '"';
          i++;
        }
        i = skipBlanks(text, i);
        const end = fieldEnd(text, i, d);
        if (end > i && !error) {
          error = { line, column: fields.length + 1, message: `text after the closing quote: ${JSON.stringify(text.slice(i, Math.min(end, i + 40)))}; double a " inside a quoted value ("")` };
        }
        i = end;
      } else {
        const end = fieldEnd(text, i, d);
        value = text.slice(i, end);
        i = end;
      }
      fields.push(value);
      if (i < n && text.charCodeAt(i) === d) {
        i++;
        continue;
      }
      lineBreak();
      break;
    }
    yield error ? { line: start, fields, error } : { line: start, fields };
  }
}

/** Where the unquoted field starting at `i` ends: at the delimiter, a line break or the end. */
function fieldEnd(text: string, i: number, d: number): number {
  let j = i;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === d || c === CR || c === LF) break;
  }
  return j;
}

/** The first index from `i` that is not a space or tab. */
function skipBlanks(text: string, i: number): number {
  let j = i;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  return j;
}

/** Line breaks in `s`, CRLF counted once. */
function countLineBreaks(s: string): number {
  let count = 0;
  for (let j = 0; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === LF || (c === CR && s.charCodeAt(j + 1) !== LF)) count++;
  }
  return count;
}
