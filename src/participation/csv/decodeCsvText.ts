import type { ImportProblem } from './ProblemList';

/** The file's content as the client sent it: its bytes, or text it decoded itself. */
export interface CsvInput {
  readonly bytes?: Uint8Array;
  readonly text?: string;
}

/** The decoded text (without a byte order mark), or the one problem that stops reading. */
export type DecodedCsv = { readonly text: string } | { readonly problem: ImportProblem };

const SAVE_AS_UTF8 = 'save the file as UTF-8 ("CSV UTF-8" in Excel) and upload it again';

/**
 * Decodes the file as UTF-8 (bytes win when both are given; a leading byte order mark is dropped).
 * Bytes that are not UTF-8, and text holding U+FFFD (what a client puts for bytes it could not
 * decode), give one problem at the line and character position of the first bad one; a spreadsheet
 * workbook (xlsx, xls, ods) gives a problem for the file as a whole.
 */
export function decodeCsvText(input: CsvInput, fileName?: string): DecodedCsv {
  const named = fileName ? `"${fileName}"` : 'the file';
  if (input.bytes) {
    const bytes = input.bytes;
    if (isWorkbook(bytes)) {
      return { problem: { line: 0, column: 0, field: '', message: `${named} is a spreadsheet workbook, not CSV: save it as CSV ("CSV UTF-8" in Excel)` } };
    }
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = text.indexOf('\uFFFD');
    if (bad < 0) return { text };
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const offset = bom + Buffer.byteLength(text.slice(0, bad), 'utf8');
    const at = positionAt(text, bad);
    return { problem: { ...at, field: 'encoding', message: `${named} is not UTF-8: ${describeByte(bytes, offset)}; ${SAVE_AS_UTF8}` } };
  }
  if (input.text !== undefined) {
    const text = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
    const bad = text.indexOf('\uFFFD');
    if (bad < 0) return { text };
    const at = positionAt(text, bad);
    return {
      problem: { ...at, field: 'encoding', message: `the text holds U+FFFD (\uFFFD), which stands for bytes that were not UTF-8 when it was read; ${SAVE_AS_UTF8}` },
    };
  }
  return { problem: { line: 0, column: 0, field: '', message: 'no file content: give the CSV text or its bytes' } };
}

/**
 * The 1-based line and character position (in code points) of `index` in `text`; CRLF, LF and a
 * lone CR each end a line, as in the CSV reader.
 */
export function positionAt(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: [...text.slice(start, index)].length + 1 };
}

/** True for the signatures of zip (xlsx, ods) and OLE (xls) files. */
function isWorkbook(b: Uint8Array): boolean {
  return (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) || (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0);
}

/** Names the bad byte, and what it would be in UTF-16 or Windows-1252 (the usual culprits). */
function describeByte(bytes: Uint8Array, offset: number): string {
  if (offset === 0 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return 'it starts with a UTF-16 byte order mark ("Unicode text")';
  }
  const b = bytes[offset];
  if (b === undefined) return 'it ends inside a character';
  if (b === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) return 'it holds U+FFFD (\uFFFD), the mark of bytes lost in an earlier conversion';
  const hex = `byte 0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  const legacy = windows1252(b);
  return legacy ? `${hex} is "${legacy}" in Windows-1252/Latin-1, the encoding it seems to have` : `${hex} starts no UTF-8 character`;
}

/** The letter `b` stands for in Windows-1252, or null. */
function windows1252(b: number): string | null {
  try {
    const c = new TextDecoder('windows-1252').decode(Uint8Array.of(b));
    return /\p{L}/u.test(c) ? c : null;
  } catch {
    return null; // a Node without that encoding: the hint is optional
  }
}
