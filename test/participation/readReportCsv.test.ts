import { describe, expect, it } from '@jest/globals';
import { readReportCsv, type ImportProblem, type ReadCsvOptions } from '../../src/participation/csv/readReportCsv';

const OPTIONS: ReadCsvOptions = { today: '2026-01-15', maxRows: 100 };
const KEY_A = '99036008007000';
const KEY_B = '99036008070003';
const ADOPTION_COLUMNS = { item: 1, status: 2, date: 3, services: 4, note: 5 };

const adoption = (text: string, options: Partial<ReadCsvOptions> = {}) => readReportCsv('adoption', { text }, { ...OPTIONS, ...options });
const use = (text: string, options: Partial<ReadCsvOptions> = {}) => readReportCsv('use', { text }, { ...OPTIONS, ...options });
/** Problems without their messages, for exact position checks. */
const where = (problems: readonly ImportProblem[]) => problems.map(({ line, column, field }) => ({ line, column, field }));

describe('readReportCsv: good files', () => {
  it('reads a comma-separated adoption file with quotes, comments and blank lines', () => {
    const text = [
      '# adoption report of org:example',
      'item,status,date,services,note',
      `opendesk,in-use,2025-03-01,${KEY_A}|${KEY_B},"Rollout, ""Phase 1"""`,
      '',
      `std:xoev-xdomea,planned,2026-01-15,"${KEY_A} ${KEY_A}",`,
      'a.b_c-d:9,retired,2020-02-29,,  trimmed note  ',
    ].join('\n');
    expect(adoption(text)).toEqual({
      rows: [
        { line: 3, item: 'opendesk', status: 'in-use', date: '2025-03-01', services: [KEY_A, KEY_B], note: 'Rollout, "Phase 1"', columns: ADOPTION_COLUMNS },
        { line: 5, item: 'std:xoev-xdomea', status: 'planned', date: '2026-01-15', services: [KEY_A], note: null, columns: ADOPTION_COLUMNS },
        { line: 6, item: 'a.b_c-d:9', status: 'retired', date: '2020-02-29', services: [], note: 'trimmed note', columns: ADOPTION_COLUMNS },
      ],
      problems: [],
      dataRows: 3,
    });
  });

  it('reads what German Excel writes: BOM, semicolons, CRLF, quoted values, empty trailing columns', () => {
    const text = [
      'Item;STATUS;Date;Services;Note;;',
      `opendesk;In_Use;2025-03-01;${KEY_A};"Einführung; Teil 1";;`,
      ';;;;;;',
      'nextcloud;Piloting;2025-04-01;;"zwei',
      'Zeilen";;',
      'std:x;planned;2025-05-01;;;;',
      '',
    ].join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const result = readReportCsv('adoption', { bytes }, OPTIONS);
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, item: 'opendesk', status: 'in-use', date: '2025-03-01', services: [KEY_A], note: 'Einführung; Teil 1', columns: ADOPTION_COLUMNS },
      { line: 4, item: 'nextcloud', status: 'piloting', date: '2025-04-01', services: [], note: 'zwei\r\nZeilen', columns: ADOPTION_COLUMNS },
      { line: 6, item: 'std:x', status: 'planned', date: '2025-05-01', services: [], note: null, columns: ADOPTION_COLUMNS },
    ]);
  });

  it('takes the columns in any order, the optional ones may be left out', () => {
    const result = adoption('date,ITEM,status\n2025-01-01,opendesk,planned\n');
    expect(result).toEqual({
      rows: [{ line: 2, item: 'opendesk', status: 'planned', date: '2025-01-01', services: [], note: null, columns: { date: 1, item: 2, status: 3 } }],
      problems: [],
      dataRows: 1,
    });
  });

  it('reads a use file, also from a text with BOM', () => {
    const text = `\uFEFFnote;item;LeiKa\r\n;opendesk;${KEY_A}\r\n"Fachverfahren";std:xta;${KEY_A}\r\n;opendesk;${KEY_B}\r\n`;
    expect(readReportCsv('use', { text }, OPTIONS)).toEqual({
      rows: [
        { line: 2, leikaKey: KEY_A, item: 'opendesk', note: null, columns: { note: 1, item: 2, leika: 3 } },
        { line: 3, leikaKey: KEY_A, item: 'std:xta', note: 'Fachverfahren', columns: { note: 1, item: 2, leika: 3 } },
        { line: 4, leikaKey: KEY_B, item: 'opendesk', note: null, columns: { note: 1, item: 2, leika: 3 } },
      ],
      problems: [],
      dataRows: 3,
    });
  });

  it('accepts a header with no rows', () => {
    expect(use('leika,item\n')).toEqual({ rows: [], problems: [], dataRows: 0 });
  });
});

describe('readReportCsv: values', () => {
  it('reports a LeiKa key that is not 14 digits, naming the value', () => {
    const result = use(`leika,item\n123,opendesk\n${KEY_A},opendesk\n9.91234567890E+13,opendesk\n${KEY_A}0,x\n`);
    expect(where(result.problems)).toEqual([
      { line: 2, column: 1, field: 'leika' },
      { line: 4, column: 1, field: 'leika' },
      { line: 5, column: 1, field: 'leika' },
    ]);
    expect(result.problems[0]!.message).toBe('leika "123" is not a LeiKa key: 14 digits');
    expect(result.problems[1]!.message).toMatch(/format the column as text/);
    expect(result.rows.map((r) => r.line)).toEqual([3]);
  });

  it('reports each wrong service key of an adoption row', () => {
    const result = adoption(`item,status,date,services\nopendesk,in-use,2025-01-01,"${KEY_A} 12345 | abc"\n`);
    expect(where(result.problems)).toEqual([
      { line: 2, column: 4, field: 'services' },
      { line: 2, column: 4, field: 'services' },
    ]);
    expect(result.problems[0]!.message).toMatch(/^service "12345" is not a LeiKa key/);
    expect(result.problems[1]!.message).toMatch(/^service "abc" is not a LeiKa key/);
    expect(result.rows).toEqual([]);
  });

  it('reports items that are not graph ids', () => {
    const long = 'x'.repeat(201);
    const result = adoption(['status,item,date', 'planned,OpenDesk,2025-01-01', 'planned,"open desk",2025-01-01', 'planned,,2025-01-01', `planned,${long},2025-01-01`, 'planned,-x,2025-01-01', `planned,${'y'.repeat(200)},2025-01-01`].join('\n'));
    expect(where(result.problems)).toEqual([2, 3, 4, 5, 6].map((line) => ({ line, column: 2, field: 'item' })));
    expect(result.problems.map((p) => p.message)).toEqual([
      'item "OpenDesk" is not an id: lower-case letters, digits and : . _ - only, starting with a letter or digit (ids are lower case: "opendesk"?)',
      'item "open desk" holds whitespace: an id has none',
      'item is empty: give the id of a component or standard',
      'item has 201 characters: an id has at most 200',
      'item "-x" is not an id: lower-case letters, digits and : . _ - only, starting with a letter or digit',
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([7]);
  });

  it('reports a wrong status with the four allowed', () => {
    const result = adoption('item,status,date\na,active,2025-01-01\nb,in use,2025-01-01\nc,RETIRED,2025-01-01\n');
    expect(where(result.problems)).toEqual([
      { line: 2, column: 2, field: 'status' },
      { line: 3, column: 2, field: 'status' },
    ]);
    expect(result.problems[0]!.message).toBe('status "active" is unknown: give one of planned, piloting, in-use, retired');
    expect(result.rows).toEqual([expect.objectContaining({ line: 4, status: 'retired' })]);
  });

  it('reports dates: format, calendar, future', () => {
    const result = adoption(['item;status;date', 'a;planned;01.02.2025', 'b;planned;2025-1-2', 'c;planned;2026-02-30', 'd;planned;2025-13-01', 'e;planned;2026-01-16', 'f;planned;2026-01-15', 'g;planned;'].join('\n'));
    expect(where(result.problems)).toEqual([2, 3, 4, 5, 6, 8].map((line) => ({ line, column: 3, field: 'date' })));
    expect(result.problems.map((p) => p.message)).toEqual([
      'date "01.02.2025" is not YYYY-MM-DD (2025-02-01?)',
      'date "2025-1-2" is not YYYY-MM-DD',
      'date "2026-02-30" is not a day of the calendar',
      'date "2025-13-01" is not a day of the calendar',
      'date 2026-01-16 is after today (2026-01-15): a report states what holds, not plans: use status planned for the future',
      'date is empty: give the date the status holds from, as YYYY-MM-DD',
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([7]);
  });

  it('reports every wrong value of a row, in column order', () => {
    const result = adoption('date,status,item,services\n2025-02-30,x,A,1\n');
    expect(where(result.problems)).toEqual([
      { line: 2, column: 1, field: 'date' },
      { line: 2, column: 2, field: 'status' },
      { line: 2, column: 3, field: 'item' },
      { line: 2, column: 4, field: 'services' },
    ]);
  });
});

describe('readReportCsv: rows', () => {
  it('reports an adoption row with an earlier row’s item and date, naming that line', () => {
    const result = adoption(['item,status,date', 'a,planned,2025-01-01', 'a,piloting,2025-02-01', '# later', 'a,in-use,2025-01-01', 'a,planned,2025-01-01'].join('\n'));
    expect(where(result.problems)).toEqual([
      { line: 5, column: 1, field: 'item' },
      { line: 6, column: 1, field: 'item' },
    ]);
    expect(result.problems[0]!.message).toBe('item "a" with date 2025-01-01 is already on line 2: one report per item and date');
    expect(result.problems[1]!.message).toMatch(/already on line 2/);
    expect(result.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('reports a use row with an earlier row’s LeiKa key and item', () => {
    const result = use(`item;leika;note\nopendesk;${KEY_A};\nopendesk;${KEY_B};\nopendesk;${KEY_A};again\n`);
    expect(result.problems).toEqual([{ line: 4, column: 1, field: 'item', message: `LeiKa key ${KEY_A} with item "opendesk" is already on line 2` }]);
    expect(result.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('reports a line with the wrong number of fields at column 0 and goes on', () => {
    const result = adoption(['item,status,date', 'a,planned,2025-01-01,extra', 'b,planned', 'c,planned,2025-01-01,,', 'd,planned,2025-01-01, x ,'].join('\n'));
    expect(result.problems).toEqual([
      { line: 2, column: 0, field: '', message: 'the line has 4 fields, the header 3: put a value holding , or ; in double quotes' },
      { line: 3, column: 0, field: '', message: 'the line has 2 fields, the header 3: put a value holding , or ; in double quotes' },
      { line: 5, column: 0, field: '', message: 'the line has 5 fields, the header 3: put a value holding , or ; in double quotes' },
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([4]);
    expect(result.dataRows).toBe(4); // rows with problems count too
  });

  it('counts the lines of a quoted value spanning lines', () => {
    const result = adoption('item,status,date,note\na,planned,2025-01-01,"one\ntwo\r\nthree"\nB,planned,2025-01-01,\n');
    expect(where(result.problems)).toEqual([{ line: 5, column: 1, field: 'item' }]);
  });

  it('reports text after a closing quote and a quote never closed', () => {
    const result = adoption('item,status,date,note\na,planned,2025-01-01,"x"y\nb,planned,2025-01-01,ok\nc,planned,2025-01-01,"open\nd,planned,2025-01-01,\n');
    expect(where(result.problems)).toEqual([
      { line: 2, column: 4, field: 'note' },
      { line: 4, column: 4, field: 'note' },
    ]);
    expect(result.problems[1]!.message).toBe('a quoted value starts here and its closing " is missing');
    expect(result.rows.map((r) => r.line)).toEqual([3]);
  });

  it('stops with one problem at the first row over maxRows', () => {
    const lines = ['item,status,date', 'a,planned,2025-01-01', '', '# comment', 'b,planned,2025-01-01', 'c,planned,2025-01-01', 'BAD,x,y', 'e,planned,2025-01-01'];
    expect(adoption(lines.slice(0, 6).join('\n'), { maxRows: 3 }).problems).toEqual([]);
    const result = adoption(lines.join('\n'), { maxRows: 3 });
    expect(result.problems).toEqual([{ line: 7, column: 0, field: '', message: 'more than 3 rows: send at most 3 rows per file (reading stopped here)' }]);
    expect(result.rows.map((r) => r.line)).toEqual([2, 5, 6]);
    expect(result.dataRows).toBe(3);
  });

  it('lists at most 1000 problems, the last saying where reading stopped', () => {
    const text = ['item,status,date', ...Array.from({ length: 1200 }, (_, i) => `x${i},wrong,2025-01-01`)].join('\n');
    const { problems } = adoption(text, { maxRows: 5000 });
    expect(problems).toHaveLength(1000);
    expect(problems[998]).toMatchObject({ line: 1000, column: 2, field: 'status' });
    expect(problems[999]).toEqual({ line: 0, column: 0, field: '', message: 'reading stopped at line 1001 after 999 problems: fix these and check the file again' });
  });
});

describe('readReportCsv: header', () => {
  it('reports unknown columns at line 1 with the allowed names, and still checks the rows', () => {
    const result = adoption('item,status,date,Notes\nA,planned,2025-01-01,x\n');
    expect(result.problems).toEqual([
      { line: 1, column: 4, field: 'Notes', message: 'unknown column "Notes": allowed are item, status, date (required), services, note' },
      { line: 2, column: 1, field: 'item', message: expect.stringMatching(/^item "A" is not an id/) },
    ]);
  });

  it('reports missing required columns at line 1, column 0, and reads no rows', () => {
    const result = use('leika key;item\n99036008007000;opendesk\n');
    expect(result).toEqual({
      rows: [],
      problems: [
        { line: 1, column: 1, field: 'leika key', message: 'unknown column "leika key": allowed are leika, item (required), note' },
        { line: 1, column: 0, field: 'leika', message: 'column "leika" is missing: the header names leika, item and may name note' },
      ],
      dataRows: 0,
    });
  });

  it('reports a column named twice and a column without a name', () => {
    expect(where(adoption('item,status,,date,item\n').problems)).toEqual([
      { line: 1, column: 3, field: '' },
      { line: 1, column: 5, field: 'item' },
    ]);
  });

  it('reads the header after leading comments and reports it at its own line', () => {
    expect(adoption('# report\n\nitem,status\n').problems).toEqual([
      { line: 3, column: 0, field: 'date', message: 'column "date" is missing: the header names item, status, date and may name services, note' },
    ]);
  });

  it('reports a tab-separated header', () => {
    const { problems } = use('leika\titem\n');
    expect(problems[0]).toMatchObject({ line: 1, column: 1, field: 'leika\titem' });
    expect(problems[0]!.message).toMatch(/tabs do not separate columns/);
  });

  it('reports an empty file as a whole, with its name', () => {
    expect(adoption('\n# only a comment\n', { fileName: 'bericht.csv' }).problems).toEqual([
      { line: 0, column: 0, field: '', message: '"bericht.csv" is empty: its first line must be the header item,status,date (optional: services, note)' },
    ]);
    expect(readReportCsv('use', {}, OPTIONS).problems).toEqual([{ line: 0, column: 0, field: '', message: 'no file content: give the CSV text or its bytes' }]);
  });
});

describe('readReportCsv: encoding', () => {
  it('reports a Latin-1 byte at its line and character position, and no rows', () => {
    const bytes = Buffer.from('item;status;date;note\r\nopendesk;planned;2025-01-01;\r\nnextcloud;planned;2025-01-01;M\xe4rz\r\n', 'latin1');
    expect(readReportCsv('adoption', { bytes }, OPTIONS)).toEqual({
      rows: [],
      problems: [
        {
          line: 3,
          column: 31, // "nextcloud;planned;2025-01-01;M" is 30 characters
          field: 'encoding',
          message: 'the file is not UTF-8: byte 0xE4 is "ä" in Windows-1252/Latin-1, the encoding it seems to have; save the file as UTF-8 ("CSV UTF-8" in Excel) and upload it again',
        },
      ],
      dataRows: 0,
    });
  });

  it('counts characters, not bytes, before the bad byte, and not the BOM', () => {
    const bytes = Buffer.concat([Buffer.from('\uFEFFitem,status,date,note\nö€,', 'utf8'), Buffer.from([0xfc]), Buffer.from('\n', 'utf8')]);
    expect(where(readReportCsv('adoption', { bytes }, { ...OPTIONS, fileName: 'a.csv' }).problems)).toEqual([{ line: 2, column: 4, field: 'encoding' }]);
  });

  it('reports U+FFFD in a text the client decoded', () => {
    const { rows, problems } = use(`leika,item,note\n${KEY_A},opendesk,M\uFFFDrz\n`);
    expect(rows).toEqual([]);
    expect(where(problems)).toEqual([{ line: 2, column: 26, field: 'encoding' }]);
    expect(problems[0]!.message).toMatch(/save the file as UTF-8 \("CSV UTF-8" in Excel\)/);
  });

  it('names UTF-16 files and refuses workbooks as a whole', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('leika,item\n', 'utf16le')]);
    const p16 = readReportCsv('use', { bytes: utf16 }, OPTIONS).problems;
    expect(where(p16)).toEqual([{ line: 1, column: 1, field: 'encoding' }]);
    expect(p16[0]!.message).toMatch(/UTF-16/);
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(readReportCsv('use', { bytes: xlsx }, { ...OPTIONS, fileName: 'x.xlsx' }).problems).toEqual([
      { line: 0, column: 0, field: '', message: '"x.xlsx" is a spreadsheet workbook, not CSV: save it as CSV ("CSV UTF-8" in Excel)' },
    ]);
  });
});

describe('readReportCsv: options', () => {
  it('refuses a wrong today or maxRows (a caller bug, not a file problem)', () => {
    expect(() => adoption('item,status,date\n', { today: '2026-02-30' })).toThrow(RangeError);
    expect(() => adoption('item,status,date\n', { maxRows: 0 })).toThrow(RangeError);
  });
});
