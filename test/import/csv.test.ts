// CSV through the API: the Krasnogorsk roadmap of seed 002 saved by LibreOffice (UTF-8 with a
// BOM, ',' between fields, every text quoted — line breaks and «;» inside fields) and by a
// Russian Excel (Windows-1251, ';'). Both must bring the same program with the seed's figures;
// a file with text in an amount cell is refused, naming the row and column, and changes nothing.

import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCallError, ApiClient } from '../../shared/api/client';
import type { ImportPreview } from '../../shared/api/contract';
import type { ProgramDetail } from '../../shared/domain';
import { parseThousands } from '../../shared/money';
import { ROADMAP_TITLE, roadmapCsv, roadmapCsvRecord, roadmapCsvRows, type CsvFlavour } from '../fixtures/templates/smolenskTemplates';
import { createTestWorkspace, snapshotTables, type TestWorkspace } from '../support/testWorkspace';

const FLAVOURS: [CsvFlavour, string][] = [
  ['utf8-comma', 'план-график (LibreOffice).csv'],
  ['win1251-semicolon', 'план-график (Excel).csv'],
];

async function importFile(api: ApiClient, fileName: string, bytes: Uint8Array): Promise<{ preview: ImportPreview; detail: ProgramDetail }> {
  const preview = await api('import/preview', { fileName, data: Buffer.from(bytes).toString('base64') });
  const { programId } = await api('import/commit', { previewId: preview.previewId });
  return { preview, detail: await api('programs/get', { programId }) };
}

function kopecks(printed: string): number | null {
  if (printed === '') return null;
  const parsed = parseThousands(printed);
  if (!parsed.ok) throw new Error(`the fixture prints «${printed}», which is not an amount`);
  return parsed.kopecks;
}

/** The program without ids: parts with executors and results, the quarterly amounts. */
function shape(detail: ProgramDetail) {
  const path = (id: number): string => {
    const node = detail.nodes.find((n) => n.id === id)!;
    return node.parentId === null ? node.code : `${path(node.parentId)}|${node.code}`;
  };
  const organisation = (id: number | null) => detail.organisations.find((o) => o.id === id)?.name ?? null;
  return {
    title: detail.program.title,
    period: [detail.program.periodStart, detail.program.periodEnd],
    nodes: detail.nodes.map((n) => ({
      path: path(n.id),
      kind: n.kind,
      title: n.title,
      person: n.responsiblePerson,
      result: n.expectedResult,
      executors: n.executors.map((e) => [organisation(e.organisationId), e.label]),
    })),
    quarterly: detail.quarterly.map((q) => ({ node: path(q.nodeId), year: q.year, quarter: q.quarter, source: q.source, organisation: organisation(q.organisationId), kopecks: q.kopecks })),
  };
}

describe('the two CSV files', () => {
  it('are what each program writes', () => {
    const utf8 = roadmapCsv('utf8-comma');
    expect([...utf8.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(utf8.slice(3));
    // The E4 result: a quoted field with line breaks and «;», in a file separated by ','.
    expect(text).toMatch(/,"Доля муниципальных учреждений культуры[^"]*Мбит\/с;\nдля учреждений культуры[^"]*на уровне 100%\."\r\n/);
    expect(text).toContain('"62 526,00","62 526,00","61 960,00","78 057,00"');

    const win1251 = roadmapCsv('win1251-semicolon');
    expect([...win1251.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(win1251)).toThrow();
    const decoded = iconv.decode(Buffer.from(win1251), 'win1251');
    expect(decoded).toContain(';62 526,00;62 526,00;61 960,00;78 057,00;');
    expect(decoded).toMatch(/;"Доля муниципальных учреждений культуры[^"]*Мбит\/с;\nдля учреждений культуры[^"]*"\r\n/);
  });
});

describe('a roadmap saved as CSV', () => {
  let workspace: TestWorkspace;
  const imported = new Map<CsvFlavour, { preview: ImportPreview; detail: ProgramDetail }>();

  beforeAll(async () => {
    workspace = createTestWorkspace();
    for (const [flavour, fileName] of FLAVOURS) imported.set(flavour, await importFile(workspace.api, fileName, roadmapCsv(flavour)));
  });
  afterAll(() => workspace.dispose());

  it.each(FLAVOURS)('%s is read as the quarterly roadmap', (flavour, fileName) => {
    const { preview } = imported.get(flavour)!;
    expect(preview.tables).toEqual([{ table: fileName, kind: 'roadmap', label: 'Дорожная карта (план-график) по кварталам', confidence: 1, rows: 6 }]);
    // Four quarters of 02 and of 03 (its «0» too), one of 01 and one of E4.
    expect(preview.created).toMatchObject({ programs: 1, nodes: 6, amounts: 10 });
  });

  it('brings the same program from both encodings', () => {
    expect(shape(imported.get('win1251-semicolon')!.detail)).toEqual(shape(imported.get('utf8-comma')!.detail));
  });

  it('brings the parts, the executor and the person as the roadmap names them', () => {
    const { detail } = imported.get('win1251-semicolon')!;
    expect(detail.program.title).toBe('Цифровое муниципальное образование');
    expect([detail.program.periodStart, detail.program.periodEnd]).toEqual([2020, 2024]);
    expect(ROADMAP_TITLE).toContain('на 2020-2024 годы');
    expect(detail.nodes.map((n) => [n.kind, n.code])).toEqual([
      ['subprogram', 'I'],
      ['mainActivity', '02'],
      ['mainActivity', '03'],
      ['subprogram', 'II'],
      ['mainActivity', '01'],
      ['mainActivity', 'E4'],
    ]);
    const node = (code: string) => detail.nodes.find((n) => n.code === code)!;
    // A line break inside the quoted name: «Основное мероприятие 03.↵Совершенствование …».
    expect(node('03').title).toBe('Совершенствование системы предоставления государственных и муниципальных услуг');
    expect(node('02').responsiblePerson).toBe('Запольский О.К.');
    expect(detail.organisations.map((o) => o.name)).toEqual(['Администрация г.о Красногорск']);
    expect(node('E4').expectedResult).toBe(
      'Доля муниципальных учреждений культуры, обеспеченных доступом в информационно-телекоммуникационную сеть Интернет на скорости: ' +
        'для учреждений культуры, расположенных в городских населенных пунктах, – не менее 50 Мбит/с; ' +
        'для учреждений культуры, расположенных в сельских населенных пунктах, – не менее 10 Мбит/с на уровне 100%.',
    );
  });

  it.each(FLAVOURS)('%s carries every quarterly figure of the seed to the kopeck', async (flavour) => {
    const { detail } = imported.get(flavour)!;
    const stored = (code: string) =>
      [1, 2, 3, 4].map((quarter) => detail.quarterly.find((q) => q.nodeId === detail.nodes.find((n) => n.code === code)!.id && q.quarter === quarter && q.year === 2022)?.kopecks ?? null);
    for (const row of roadmapCsvRows.filter((r) => r.quarters)) {
      const code = /мероприятие\s+(\S+?)\./.exec(row.name)![1];
      expect(stored(code), row.key).toEqual(row.quarters!.map(kopecks));
    }
    // тыс. руб. → kopecks: 62 526,00 тыс. руб. is 6 252 600 000 kopecks.
    expect(stored('02')).toEqual([6_252_600_000, 6_252_600_000, 6_196_000_000, 7_805_700_000]);
    expect(stored('E4')).toEqual([null, null, 623_380_000, null]);
    const totals = await workspace.api('totals/get', { programId: detail.program.id });
    const subprogram = (code: string) => totals.nodes.find((n) => n.kind === 'subprogram' && n.code === code)!;
    // I: 62 526 + 62 526 + 61 960 + 78 057 + 293 = 265 362,00; II: 16 221,00 + 6 233,80 = 22 454,80.
    expect(subprogram('I').amounts[totals.years.indexOf(2022)]).toBe(26_536_200_000);
    expect(subprogram('II').amounts[totals.years.indexOf(2022)]).toBe(2_245_480_000);
  });
});

describe('a CSV with text in an amount cell', () => {
  let workspace: TestWorkspace;
  beforeAll(() => {
    workspace = createTestWorkspace();
  });
  afterAll(() => workspace.dispose());

  it.each(FLAVOURS)('%s is refused with its row and column named, and the database is unchanged', async (flavour, fileName) => {
    await importFile(workspace.api, 'план-график.csv', roadmapCsv(flavour)); // something to keep
    const before = snapshotTables(workspace.ws);
    const bytes = roadmapCsv(flavour, { row: 'I|02', quarter: 'II', text: 'около 62 000' });
    const error = await workspace.api('import/preview', { fileName, data: Buffer.from(bytes).toString('base64') }).then(
      () => expect.unreachable('the file was accepted'),
      (failure: ApiCallError) => failure.error,
    );
    expect(error.code).toBe('invalidInput');
    const record = roadmapCsvRecord('I|02');
    expect(record).toBe(6);
    expect(error.message).toMatch(
      new RegExp(`^Файл «${fileName.replace(/[()]/g, '\\$&')}», строка 6, столбец «II квартал»: ожидалась сумма в тыс\\. руб\\., найдено «около 62 000»`),
    );
    expect(error.details).toEqual([{ where: 'строка 6, столбец «II квартал»', message: error.message }]);
    expect(snapshotTables(workspace.ws)).toEqual(before);
  });
});
