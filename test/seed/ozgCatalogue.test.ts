import { formatIssue } from '../../src/seed/graph';
import { executingLevels, readOzgCatalogue } from '../../src/seed/sources/ozgCatalogue';
import { tmpTree } from '../support/tmpdir';

const header = {
  themenfelder: 'id,name\n',
  lebenslagen: 'id,themenfeld_id,name\n',
  ozg: 'id,ozg_id,name,lebenslage_id,prioritaet\n',
  leika: 'id,leika_schluessel,name,leika_typ,ozg_leistung_id,rechtsgrundlage_kurz\n',
  kommunen: 'id,name,url\n',
  itdl: 'id,name,ort,url\n',
};

function catalogue(overrides: Partial<Record<keyof typeof header, string>> = {}) {
  const rows = {
    themenfelder: '1,Arbeit & Ruhestand\n',
    lebenslagen: '7,1,Rente\n',
    ozg: '3,10104,Rentenfestsetzung,7,Hoch\n',
    leika: '10,99114003000000,Altersrente,2/3,3,SGB VI\n11,nicht im LeiKa,Ohne Schlüssel,"1, 2/3",,\n',
    kommunen: '2,Aachen,http://aachen.de\n',
    itdl: '1,civitec,Siegburg,civitec.de\n',
    ...overrides,
  };
  const dir = tmpTree({
    'themenfelder.csv': header.themenfelder + rows.themenfelder,
    'lebenslagen.csv': header.lebenslagen + rows.lebenslagen,
    'ozg_leistungen.csv': header.ozg + rows.ozg,
    'leika_leistungen.csv': header.leika + rows.leika,
    'kommunen_nrw.csv': header.kommunen + rows.kommunen,
    'it_dienstleister_nrw.csv': header.itdl + rows.itdl,
  });
  return readOzgCatalogue(dir, dir);
}

describe('executingLevels', () => {
  it.each([
    ['1', ['Bund']],
    ['2/3', ['Land', 'Kommune']],
    ['1, 2/3', ['Bund', 'Land', 'Kommune']],
    ['4', ['Land']],
    ['5', ['Kommune']],
    ['6', []],
    ['', []],
  ])('maps LeiKa type "%s" to %p', (type, levels) => {
    expect(executingLevels(type)).toEqual(levels);
  });
});

describe('readOzgCatalogue', () => {
  it('builds the catalogue hierarchy with keys as given and provenance on every node', () => {
    const part = catalogue();
    expect(part.issues).toEqual([]);
    expect(part.nodes.map((n) => `${n.label} ${n.id}`)).toEqual([
      'Topic topic:1',
      'LifeSituation lifesituation:7',
      'OzgService ozg:10104',
      'Service leika:99114003000000',
      'Service leika-nrw:11',
      'Organization kommune-nrw:2',
      'Organization itdl-nrw:1',
    ]);
    expect(part.nodes.find((n) => n.id === 'leika:99114003000000')?.props).toMatchObject({
      leikaKey: '99114003000000',
      leikaType: '2/3',
      executingLevels: ['Land', 'Kommune'],
      legalBasis: 'SGB VI',
      evidence: 'sourced',
      source: expect.stringContaining('leika_leistungen.csv id=10'),
    });
    expect(part.nodes.find((n) => n.id === 'leika-nrw:11')?.props).toMatchObject({ inLeika: false, executingLevels: ['Bund', 'Land', 'Kommune'] });
    expect(part.edges.map((e) => `${e.from} -> ${e.to}`)).toEqual([
      'lifesituation:7 -> topic:1',
      'ozg:10104 -> lifesituation:7',
      'leika:99114003000000 -> ozg:10104',
      'kommune-nrw:2 -> org:land-nordrhein-westfalen',
      'itdl-nrw:1 -> org:land-nordrhein-westfalen',
    ]);
  });

  it('names file, row and field of broken rows', () => {
    const part = catalogue({
      leika: '10,9911400300,Kurz,2/3,3,\n11,99114003000000,Doppelt,1,99,\n12,99114003000000,Doppelt 2,1,3,\n',
      ozg: '3,abc,Rentenfestsetzung,7,Hoch\n',
    });
    expect(part.issues.map(formatIssue)).toEqual([
      'ozg_leistungen.csv: row 2 (id 3): field "ozg_id" must be a number, got "abc"',
      'leika_leistungen.csv: row 2 (id 10): field "leika_schluessel" must be 14 digits or "nicht im LeiKa", got "9911400300"',
      'leika_leistungen.csv: row 3 (id 11): field "ozg_leistung_id" "99" is no id of ozg_leistungen.csv',
      'leika_leistungen.csv: row 4 (id 12): field "leika_schluessel" "99114003000000" is not unique',
      'leika_leistungen.csv: row 4 (id 12): field "ozg_leistung_id" "3" is no id of ozg_leistungen.csv',
    ]);
  });

  it('reports a missing file', () => {
    const dir = tmpTree({ 'themenfelder.csv': 'id,name\n1,A\n' });
    expect(readOzgCatalogue(dir, dir).issues.map(formatIssue)).toContain('lebenslagen.csv: file: field "(file)" is missing');
  });
});
