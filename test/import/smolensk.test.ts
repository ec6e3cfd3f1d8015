// Seed 001 (the Smolensk protocol) imported through the API: annex 2, the strategy projects
// with their indicators for 2022–2024, and annex 3, the digital-maturity roadmap, as DOCX and
// XLSX. Asserts on what lands in the store: sections and projects, executors, indicators with
// their values and marks, the links, the activities by year.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCallError, ApiClient } from '../../shared/api/client';
import type { ImportPreview } from '../../shared/api/contract';
import type { Indicator, ProgramDetail, ProgramNode } from '../../shared/domain';
import { averageAgrees, averageText } from '../../electron/import/kinds/digitalMaturity';
import { gridRowOf } from '../fixtures/templates/formTable';
import {
  MATURITY_YEARS,
  SMOLENSK_BODIES,
  STRATEGY_SHARED_INDICATORS,
  STRATEGY_TITLE,
  maturityBlank,
  maturityDocx,
  maturityEducation,
  maturityXlsx,
  smolenskAnnexesDocx,
  strategyDocx,
  strategyForm,
  strategyRows,
  strategyXlsx,
  type StrategyRow,
} from '../fixtures/templates/smolenskTemplates';
import { createTestWorkspace, snapshotTables, type TestWorkspace } from '../support/testWorkspace';

interface Imported {
  preview: ImportPreview;
  detail: ProgramDetail;
}

async function importFile(api: ApiClient, fileName: string, bytes: Uint8Array): Promise<Imported> {
  const preview = await api('import/preview', { fileName, data: Buffer.from(bytes).toString('base64') });
  const { programId } = await api('import/commit', { previewId: preview.previewId });
  return { preview, detail: await api('programs/get', { programId }) };
}

/** What the importer itself doubted (the store's own findings about the program aside). */
function doubts(preview: ImportPreview): { where: string; message: string }[] {
  return preview.findings.filter((f) => f.where.startsWith(`${preview.file},`)).map(({ where, message }) => ({ where, message }));
}

function section(detail: ProgramDetail, code: string): ProgramNode {
  const found = detail.nodes.filter((n) => n.kind === 'subprogram' && n.code === code);
  expect(found, `section ${code}`).toHaveLength(1);
  return found[0];
}

function project(detail: ProgramDetail, sectionCode: string, code: string): ProgramNode {
  const parent = section(detail, sectionCode);
  const found = detail.nodes.filter((n) => n.parentId === parent.id && n.code === code);
  expect(found, `project ${sectionCode} ${code}`).toHaveLength(1);
  return found[0];
}

function indicatorNamed(detail: ProgramDetail, name: string): Indicator {
  const found = detail.indicators.filter((i) => i.name === name);
  expect(found, `indicator «${name}»`).toHaveLength(1);
  return found[0];
}

function executorNames(detail: ProgramDetail, node: ProgramNode): string[] {
  return node.executors.map((e) => detail.organisations.find((o) => o.id === e.organisationId)!.name);
}

/** «7.1 1.» for each node an indicator is linked to, in the order of the program. */
function linkedProjects(detail: ProgramDetail, indicator: Indicator): string[] {
  return detail.nodes
    .filter((n) => indicator.nodeIds.includes(n.id))
    .map((n) => `${detail.nodes.find((p) => p.id === n.parentId)?.code ?? ''} ${n.code}`.trim());
}

/** Plan values by year as exact decimals or marks, the printed text left out. */
function plan(indicator: Indicator): Record<number, string> {
  return Object.fromEntries(indicator.values.filter((v) => v.type === 'plan' && v.period === 0).map((v) => [v.year, v.mark ?? `${v.comparator ?? ''}${v.value}`]));
}

/** The program as a comparable shape, without ids and printed texts. */
function shape(detail: ProgramDetail) {
  const path = (id: number): string => {
    const node = detail.nodes.find((n) => n.id === id)!;
    return node.parentId === null ? node.code : `${path(node.parentId)} ${node.code}`;
  };
  return {
    title: detail.program.title,
    period: [detail.program.periodStart, detail.program.periodEnd],
    nodes: detail.nodes.map((n) => ({ path: path(n.id), kind: n.kind, title: n.title, period: [n.periodStart, n.periodEnd], executors: executorNames(detail, n) })),
    indicators: detail.indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit, plan: plan(i), linked: i.nodeIds.map(path).sort() })),
  };
}

describe('annex 2: strategy projects and indicators (DOCX)', () => {
  let workspace: TestWorkspace;
  let imported: Imported;
  let detail: ProgramDetail;

  beforeAll(async () => {
    workspace = createTestWorkspace();
    imported = await importFile(workspace.api, 'Приложение 2.docx', await strategyDocx());
    detail = imported.detail;
  });
  afterAll(() => workspace.dispose());

  it('is recognised as the strategy table, with nothing doubtful in it', () => {
    const { preview } = imported;
    expect(preview.tables).toEqual([
      { table: 'Таблица 1', kind: 'strategyProjects', label: 'Проекты и показатели стратегии цифровой трансформации', confidence: 1, rows: 72 },
    ]);
    // 4 sections + 9 + 7 + 8 + 6 projects; 9 + 14 + 13 + 8 indicators, the repeated ones once.
    expect(preview.created).toMatchObject({ programs: 1, nodes: 34, indicators: 44, organisations: 8, amounts: 0 });
    expect(doubts(preview)).toEqual([]);
    expect(preview.findings).toEqual([]);
  });

  it('names the program after the form, takes the period from the year columns, and makes it a region\'s', () => {
    expect(detail.program.title).toBe(STRATEGY_TITLE);
    expect([detail.program.periodStart, detail.program.periodEnd]).toEqual([2022, 2024]);
    expect(detail.program.level).toBe('regional');
  });

  it('makes each section a subprogram and each project a main activity under it, numbered as printed', () => {
    const sections = detail.nodes.filter((n) => n.parentId === null);
    expect(sections.map((n) => [n.kind, n.code, n.title])).toEqual([
      ['subprogram', '7.1', 'Образование и наука'],
      ['subprogram', '7.5', 'Государственное управление'],
      ['subprogram', '7.6', 'Социальная сфера'],
      ['subprogram', '7.10', 'Экология и природопользование'],
    ]);
    const children = (code: string) => detail.nodes.filter((n) => n.parentId === section(detail, code).id);
    expect(children('7.1').map((n) => n.code)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.']);
    expect(children('7.5').map((n) => n.code)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
    expect(children('7.6').map((n) => n.code)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']);
    expect(children('7.10').map((n) => n.code)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
    expect(detail.nodes.filter((n) => n.parentId !== null).every((n) => n.kind === 'mainActivity')).toBe(true);
    // Numbers start again in every section: «1.» of 7.1 and «1.» of 7.6 are different projects.
    expect(project(detail, '7.1', '1.').title).toBe('Цифровое портфолио ученика (рекомендовано ФОИВ)');
    expect(project(detail, '7.6', '1.').title).toBe('Учет оказанных социальных услуг различным категориям населения');
    expect(project(detail, '7.6', '3.').title).toBe('Перевод мер социальной поддержки в формат «Социальное казначейство» (рекомендовано ФОИВ)');
  });

  it('appends the rest of a project name a page break carried to the next row', () => {
    expect(project(detail, '7.5', '1.').title).toBe('Перевод массовых социально значимых государственных и муниципальных услуг в электронный вид (рекомендовано ФОИВ)');
    expect(project(detail, '7.10', '4.').title).toBe('Система управления региональными особо охраняемыми природными территориями (развитие экологического туризма)');
    // The body's name was cut there too: completed, it is the body of 7.10 projects 1–3.
    expect(executorNames(detail, project(detail, '7.10', '4.'))).toEqual([SMOLENSK_BODIES.nature]);
  });

  it('makes the responsible body the executor of its project, one organisation per body', () => {
    expect(executorNames(detail, project(detail, '7.1', '1.'))).toEqual([SMOLENSK_BODIES.education]);
    expect(executorNames(detail, project(detail, '7.1', '9.'))).toEqual([SMOLENSK_BODIES.digital]);
    expect(executorNames(detail, project(detail, '7.5', '3.'))).toEqual([SMOLENSK_BODIES.economy]);
    expect(executorNames(detail, project(detail, '7.6', '8.'))).toEqual([SMOLENSK_BODIES.employment]);
    // A body whose name holds commas is one body, not three.
    expect(executorNames(detail, project(detail, '7.10', '5.'))).toEqual([SMOLENSK_BODIES.forestry]);
    expect(project(detail, '7.10', '5.').executors[0].label).toBeNull();
    expect(detail.organisations.map((o) => o.name).sort()).toEqual(Object.values(SMOLENSK_BODIES).sort());
    expect(detail.nodes.filter((n) => n.kind === 'subprogram').every((n) => n.executors.length === 0)).toBe(true);
  });

  it('keeps an indicator several projects list once, linked to each of them', () => {
    const shared = STRATEGY_SHARED_INDICATORS;
    expect(linkedProjects(detail, indicatorNamed(detail, shared.maturityEducation))).toEqual(['7.1 1.', '7.1 3.', '7.1 4.', '7.1 5.', '7.1 6.']);
    expect(linkedProjects(detail, indicatorNamed(detail, shared.portfolioRecommendations))).toEqual(['7.1 1.', '7.1 7.']);
    expect(linkedProjects(detail, indicatorNamed(detail, shared.maturityGovernment))).toEqual(['7.5 1.', '7.5 2.', '7.5 3.']);
    expect(linkedProjects(detail, indicatorNamed(detail, shared.egissoIntegration))).toEqual(['7.6 2.', '7.6 5.', '7.6 6.']);
    expect(plan(indicatorNamed(detail, shared.maturityEducation))).toEqual({ 2022: '18', 2023: '25', 2024: '32' });
    expect(plan(indicatorNamed(detail, shared.maturityGovernment))).toEqual({ 2022: '18', 2023: '24', 2024: '32' });
    // Every indicator belongs to at least one project, and each project has its indicators.
    expect(detail.indicators.every((i) => i.nodeIds.length > 0)).toBe(true);
    const linked = new Set(detail.indicators.flatMap((i) => i.nodeIds));
    expect(detail.nodes.filter((n) => n.kind === 'mainActivity').every((n) => linked.has(n.id))).toBe(true);
    expect(linkedProjects(detail, indicatorNamed(detail, 'снижение числа незаконных рубок'))).toEqual(['7.10 5.']);
    expect(detail.indicators.filter((i) => i.nodeIds.includes(project(detail, '7.5', '1.').id))).toHaveLength(8);
  });

  it('reads each value as printed: exact decimals, «x» as the not-applicable mark', () => {
    const egisso = indicatorNamed(detail, STRATEGY_SHARED_INDICATORS.egissoIntegration);
    const values = egisso.values.map(({ year, period, type, comparator, value, mark, text }) => ({ year, period, type, comparator, value, mark, text }));
    expect(values).toEqual([
      { year: 2022, period: 0, type: 'plan', comparator: null, value: null, mark: 'x', text: 'x' },
      { year: 2023, period: 0, type: 'plan', comparator: null, value: '100', mark: null, text: '100,00' },
      { year: 2024, period: 0, type: 'plan', comparator: null, value: '100', mark: null, text: '100,00' },
    ]);
    // ЕГИССО integration (projects 2, 5, 6), four indicators of project 3 and one of project 8.
    const marked = detail.indicators.filter((i) => i.values.some((v) => v.mark === 'x'));
    expect(marked).toHaveLength(6);
    expect(marked.every((i) => i.nodeIds.every((id) => detail.nodes.find((n) => n.id === id)!.parentId === section(detail, '7.6').id))).toBe(true);
    const wifi = detail.indicators.find((i) => i.name.endsWith('по технологии WiFi'))!;
    expect(plan(wifi)).toEqual({ 2022: '0', 2023: '7.65', 2024: '100' });
    expect(wifi.values.map((v) => v.text)).toEqual(['0,00', '7,65', '100,00']);
    expect(plan(detail.indicators.find((i) => i.name.startsWith('уровень удовлетворенности качеством'))!)).toEqual({ 2022: '3.5', 2023: '4', 2024: '4.4' });
  });

  it('keeps the units as printed', () => {
    const units: Record<string, number> = {};
    for (const i of detail.indicators) units[i.unit] = (units[i.unit] ?? 0) + 1;
    expect(units).toEqual({ '%': 38, 'усл. ед.': 2, 'ед.': 3, 'балл.': 1 });
    expect(indicatorNamed(detail, 'снижение числа незаконных рубок').unit).toBe('%');
  });

  it('completes indicator names a page break cut, instead of taking the rest for an indicator', () => {
    const library = indicatorNamed(
      detail,
      'доля учащихся, имеющих возможность бесплатного доступа к верифицированному цифровому образовательному контенту и сервисам для самостоятельной подготовки',
    );
    expect(linkedProjects(detail, library)).toEqual(['7.1 3.']);
    expect(plan(library)).toEqual({ 2022: '40', 2023: '70', 2024: '100' });
    indicatorNamed(
      detail,
      'доля видов сведений в государственных или региональных информационных системах, доступных в электронном виде, необходимых для оказания массовых социально значимых услуг',
    );
    indicatorNamed(
      detail,
      'доля особо охраняемых природных территорий регионального значения, информация о которых внесена в кадастр, от общего числа особо охраняемых природных территорий регионального значения',
    );
    indicatorNamed(
      detail,
      'доля мер социальной поддержки регионального уровня, которые граждане получают в проактивном формате (для проактивного назначения используются реквизиты счетов, направляемые гражданами посредством ЕПГУ и содержащиеся в ЕГИССО)',
    );
    expect(detail.indicators.filter((i) => i.values.length !== 3)).toEqual([]);
    // No rest of a name became an indicator of its own.
    expect(detail.indicators.filter((i) => /^(цифровому|доступных|назначения|\(функций\)|государственным органам|охраняемых)/.test(i.name))).toEqual([]);
  });
});

describe('annex 2 as an Excel book', () => {
  let workspace: TestWorkspace;
  beforeAll(() => {
    workspace = createTestWorkspace();
  });
  afterAll(() => workspace.dispose());

  it('imports the same program as the Word document, values stored as numbers included', async () => {
    const fromWord = await importFile(workspace.api, 'Приложение 2.docx', await strategyDocx());
    const fromExcel = await importFile(workspace.api, 'Приложение 2.xlsx', await strategyXlsx());
    expect(fromExcel.preview.tables.map((t) => [t.table, t.kind])).toEqual([['Приложение 2', 'strategyProjects']]);
    expect(doubts(fromExcel.preview)).toEqual([]);
    expect(shape(fromExcel.detail)).toEqual(shape(fromWord.detail));
    // The book keeps 18 as a number: the value is the same, the text is the number's.
    const egisso = indicatorNamed(fromExcel.detail, STRATEGY_SHARED_INDICATORS.egissoIntegration);
    expect(egisso.values.map((v) => [v.mark, v.value, v.text])).toEqual([
      ['x', null, 'x'],
      [null, '100', '100'],
      [null, '100', '100'],
    ]);
  });
});

describe('annex 2 with a value that is not a value', () => {
  it('is refused with the cell named, and nothing is written', async () => {
    const workspace = createTestWorkspace();
    try {
      // 7.1, project 1., its 2023 value «25,00».
      const spoiled: StrategyRow[] = strategyRows.map((row, i) => {
        if (i !== 1 || row.kind !== 'line') return row;
        const [code, title, body, name, unit, first, , last] = row.cells;
        return { kind: 'line', cells: [code, title, body, name, unit, first, 'около 25', last] };
      });
      const before = snapshotTables(workspace.ws);
      const error = await importFile(workspace.api, 'Приложение 2.docx', await strategyDocx(spoiled)).then(
        () => expect.unreachable('the file was accepted'),
        (failure: ApiCallError) => failure.error,
      );
      expect(error.code).toBe('invalidInput');
      const row = gridRowOf(strategyForm(spoiled), 'row 1') + 1;
      expect(error.message).toContain(`Файл «Приложение 2.docx», Таблица 1, строка ${row}, столбец «2023»: ожидалось значение показателя, найдено «около 25»`);
      expect(snapshotTables(workspace.ws)).toEqual(before);
    } finally {
      workspace.dispose();
    }
  });
});

describe.each([
  ['DOCX', 'Приложение 3.docx', () => maturityDocx(), 'Таблица 1, строка 3, столбец «2024»'],
  // The book: title in plain cells, a blank row, then the table from row 4.
  ['XLSX', 'Приложение 3.xlsx', () => maturityXlsx(), 'лист «Приложение 3», строка 6, столбец E «2024»'],
])('annex 3: the digital-maturity roadmap filled in (%s)', (_format, fileName, build, plannedAverage2024) => {
  let workspace: TestWorkspace;
  let imported: Imported;
  let detail: ProgramDetail;

  beforeAll(async () => {
    workspace = createTestWorkspace();
    imported = await importFile(workspace.api, fileName, await build());
    detail = imported.detail;
  });
  afterAll(() => workspace.dispose());

  it('is recognised by its «X | 2021 | …» header, named after the sector, and a region\'s', () => {
    expect(imported.preview.tables.map((t) => [t.kind, t.confidence])).toEqual([['digitalMaturity', 1]]);
    expect(detail.program.title).toBe('Дорожная карта по достижению «цифровой зрелости» отрасли «Образование»');
    expect([detail.program.periodStart, detail.program.periodEnd]).toEqual([2021, 2024]);
    expect(detail.program.level).toBe('regional');
  });

  it('makes the decomposed average indicator «ЦЗ» and each indicator of the sector «ЦЗ.N»', () => {
    expect(detail.indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit, plan: plan(i) }))).toEqual([
      {
        code: 'ЦЗ',
        name: 'Среднее значение показателя ЦЗ, декомпозированное на уровень Смоленской области',
        unit: '%',
        plan: { 2021: '28', 2022: '33', 2023: '39', 2024: '45' },
      },
      { code: 'ЦЗ.1', name: maturityEducation.indicators[0].name, unit: '%', plan: { 2021: '25', 2022: '30', 2023: '38', 2024: '45' } },
      { code: 'ЦЗ.2', name: maturityEducation.indicators[1].name, unit: '%', plan: { 2021: '31', 2022: '36', 2023: '40', 2024: '50' } },
    ]);
    expect(detail.indicators[0].values.map((v) => v.text)).toEqual(['28%', '33%', '39%', '45%']);
  });

  it('makes each planned activity an activity of its year, linked to its indicator', () => {
    const activitiesOf = (code: string) => {
      const indicator = detail.indicators.find((i) => i.code === code)!;
      return detail.nodes
        .filter((n) => indicator.nodeIds.includes(n.id))
        .map((n) => ({ kind: n.kind, year: n.periodStart, until: n.periodEnd, parentId: n.parentId, title: n.title }));
    };
    const expected = (index: number) =>
      maturityEducation.indicators[index].activities.flatMap((text, i) =>
        text ? [{ kind: 'activity', year: MATURITY_YEARS[i], until: MATURITY_YEARS[i], parentId: null, title: text.replace(/\s+/g, ' ') }] : [],
      );
    expect(activitiesOf('ЦЗ.1')).toEqual(expected(0));
    expect(activitiesOf('ЦЗ.2')).toEqual(expected(1));
    expect(activitiesOf('ЦЗ.2').map((a) => a.year)).toEqual([2022, 2023, 2024]);
    expect(activitiesOf('ЦЗ')).toEqual([]);
    expect(detail.nodes).toHaveLength(6);
  });

  it('does not store the planned average, and points out the year it disagrees with the indicators', () => {
    expect(detail.indicators.some((i) => /плановое/i.test(i.name))).toBe(false);
    expect(doubts(imported.preview)).toEqual([
      {
        where: `${fileName}, ${plannedAverage2024}`,
        message:
          'плановое среднее значение ЦЗ на 2024 год указано «49%», а среднее значений показателей (2) равно 47,5; указанное значение не записано — отчёт вычисляет среднее по показателям',
      },
    ]);
  });
});

describe('annex 3 as the protocol sends it out (blank)', () => {
  it('brings the decomposed average only, and says the sector is not named', async () => {
    const workspace = createTestWorkspace();
    try {
      const { preview, detail } = await importFile(workspace.api, 'Приложение 3 (бланк).docx', await maturityDocx(maturityBlank));
      expect(detail.program.title).toBe('Дорожная карта по достижению «цифровой зрелости»');
      expect(detail.indicators.map((i) => [i.code, plan(i)])).toEqual([['ЦЗ', { 2021: '28', 2022: '33', 2023: '39', 2024: '45' }]]);
      expect(detail.nodes).toEqual([]);
      expect(doubts(preview)).toEqual([{ where: 'Приложение 3 (бланк).docx, Таблица 1', message: 'наименование отрасли в заголовке формы не указано' }]);
    } finally {
      workspace.dispose();
    }
  });
});

describe('annexes 2 and 3 in one document', () => {
  it('reads both tables into one program named after the first', async () => {
    const workspace = createTestWorkspace();
    try {
      const { preview, detail } = await importFile(workspace.api, 'Протокол, приложения 2–3.docx', await smolenskAnnexesDocx());
      expect(preview.tables.map((t) => [t.table, t.kind])).toEqual([
        ['Таблица 1', 'strategyProjects'],
        ['Таблица 2', 'digitalMaturity'],
      ]);
      expect(detail.program.title).toBe(STRATEGY_TITLE);
      expect(detail.indicators.filter((i) => i.code.startsWith('ЦЗ')).map((i) => i.code)).toEqual(['ЦЗ', 'ЦЗ.1', 'ЦЗ.2']);
      expect(detail.indicators).toHaveLength(47);
      expect(detail.nodes.filter((n) => n.kind === 'activity')).toHaveLength(6);
    } finally {
      workspace.dispose();
    }
  });
});

describe('the planned average against the indicators, in exact decimals', () => {
  it.each([
    ['28', ['25', '31'], true],
    ['47.5', ['45', '50'], true],
    ['48', ['45', '50'], true], // 47,5 printed without decimals
    ['49', ['45', '50'], false],
    ['33.3', ['33', '33', '34'], true], // 33,333…
    ['33.33', ['33', '33', '34'], true],
    ['33.34', ['33', '33', '34'], false],
    ['0.3', ['0.1', '0.2', '0.6'], true], // never 0,30000000000000004
  ])('«%s» for %j: %s', (printed, values, agrees) => {
    expect(averageAgrees(printed, values)).toBe(agrees);
  });

  it('prints the mean exactly, or marks it as rounded', () => {
    expect(averageText(['45', '50'])).toBe('47,5');
    expect(averageText(['33', '33', '34'])).toBe('≈ 33,3333');
    expect(averageText(['0.1', '0.2', '0.6'])).toBe('0,3');
  });
});
