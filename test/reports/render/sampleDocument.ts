// Report models for the renderer tests and the speed script, shaped like the forms of seed 003
// (Ryazan, «Цифровизация городской среды»): Table 4 «Ресурсное обеспечение» with its real
// figures, a Table 1 excerpt with indicator values, and a generator of a Table 4 of any size.

import { thousandsToKopecks } from '../../../shared/money';
import { fullWidthRow } from '../../../electron/reports/reportDocument';
import type { HeaderCell, ReportCell, ReportColumn, ReportDocument, ReportRow, ReportTable } from '../../../electron/reports/reportDocument';

const YEARS = [2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030];
const SOURCE = 'бюджет города Рязани';
export const TOTAL_LABEL = 'Всего, в том числе:';
export const EXECUTOR_ADMINISTRATION = 'Администрация города Рязани, УЭиЦР, МКУ "ЦС"';
export const EXECUTOR_EDUCATION = 'УОиМП';

const RESOURCE_COLUMNS: ReportColumn[] = [
  { title: 'NN пп', width: 3, align: 'center' },
  { title: 'Наименование', width: 13, align: 'left' },
  { title: 'Источник финансирования', width: 7, align: 'left' },
  { title: 'ГРБС, соисполнитель, участник', width: 12.5, align: 'left' },
  ...YEARS.map((year): ReportColumn => ({ title: `${year} г.`, width: 7, align: 'right' })),
  { title: 'ИТОГО', width: 8, align: 'right' },
  { title: 'Ожидаемые результаты', width: 10.5, align: 'left' },
];

const RESOURCE_HEADER: HeaderCell[][] = [
  [
    { text: 'NN пп', rowSpan: 2 },
    { text: 'Наименование муниципальной программы, основного мероприятия', rowSpan: 2 },
    { text: 'Источник финансирования', rowSpan: 2 },
    { text: 'ГРБС, Соисполнитель, участник', rowSpan: 2 },
    { text: 'Объемы финансирования, тыс. руб.', colSpan: YEARS.length },
    { text: 'ИТОГО', rowSpan: 2 },
    { text: 'Ожидаемые результаты реализации муниципальной программы к 2030 году', rowSpan: 2 },
  ],
  YEARS.map((year) => ({ text: `${year} г.` })),
];

/** One executor's line: the nine yearly amounts as the seed prints them, «-» for none. */
interface ExecutorLine {
  executor: string;
  amounts: string[];
}

interface ActivityGroup {
  code: string;
  name: string;
  result?: string;
  lines: ExecutorLine[];
  /** The program's own «Всего» row prints bold; activities' rows do not. */
  emphasiseTotal?: boolean;
}

function amountCell(kopecks: number | null): ReportCell {
  // Table 4 of seed 003 prints amounts ungrouped: «59629,71333».
  return { kind: 'amount', kopecks, grouped: false };
}

function sum(values: (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

/** Rows of one program, main activity or activity: «Всего» first when it has several executors. */
function groupRows(group: ActivityGroup): ReportRow[] {
  const lines = group.lines.map((line) => {
    const yearly = line.amounts.map((text) => (text === '-' ? null : thousandsToKopecks(text)));
    return { executor: line.executor, yearly, total: sum(yearly) };
  });
  const amountCells = (yearly: (number | null)[], total: number | null) => [...yearly.map(amountCell), amountCell(total)];
  const result: ReportCell = { kind: 'text', text: group.result ?? '', rowSpan: lines.length === 1 ? 1 : lines.length + 1 };
  const span = result.rowSpan;
  const lead: ReportCell[] = [
    { kind: 'text', text: group.code, rowSpan: span },
    { kind: 'text', text: group.name, rowSpan: span },
    { kind: 'text', text: SOURCE, rowSpan: span },
  ];
  if (lines.length === 1) {
    const [line] = lines;
    return [{ cells: [...lead, { kind: 'text', text: line.executor }, ...amountCells(line.yearly, line.total), result] }];
  }
  const yearlyTotals = YEARS.map((_, year) => sum(lines.map((line) => line.yearly[year])));
  const first: ReportRow = {
    cells: [...lead, { kind: 'text', text: TOTAL_LABEL }, ...amountCells(yearlyTotals, sum(yearlyTotals)), result],
    emphasis: group.emphasiseTotal ? 'total' : undefined,
  };
  return [first, ...lines.map((line): ReportRow => ({ cells: [{ kind: 'text', text: line.executor }, ...amountCells(line.yearly, line.total)] }))];
}

function taskRow(code: string, name: string): ReportRow {
  return {
    cells: [
      { kind: 'text', text: code },
      { kind: 'text', text: name, colSpan: RESOURCE_COLUMNS.length - 1 },
    ],
    emphasis: 'section',
    keepWithNext: true,
  };
}

const note = (text: string) => fullWidthRow({ columns: RESOURCE_COLUMNS }, text);

function resourceDocument(rows: ReportRow[]): ReportDocument {
  const table: ReportTable = { columns: RESOURCE_COLUMNS, header: RESOURCE_HEADER, columnNumbers: true, rows };
  return {
    fileTitle: 'Ресурсное обеспечение реализации муниципальной программы «Цифровизация городской среды»',
    orientation: 'landscape',
    approval: ['Таблица N 4', 'к муниципальной программе', '«Цифровизация городской среды»'],
    title: ['Ресурсное обеспечение', 'реализации муниципальной программы за счет всех источников', 'финансирования'],
    blocks: [
      { kind: 'paragraph', text: '(в ред. Постановления Администрации города Рязани от 29.12.2022 N 11824)', align: 'center' },
      { kind: 'table', table },
    ],
  };
}

/** Table 4 of seed 003: the program, task 1 with main activity 1.1 and its activities, task 2 begun. */
export function sampleResourceProvision(): ReportDocument {
  return resourceDocument([
    ...groupRows({
      code: '',
      name: 'МП "Цифровизация городской среды"',
      result:
        'Повысить индекс цифровизации городского хозяйства "IQ городов" (В категории крупных городов с населением от 250 тысяч до 1 миллиона человек) до 73,4 баллов',
      emphasiseTotal: true,
      lines: [
        { executor: 'Администрация города Рязани УЭиЦР, МКУ "ЦС"', amounts: ['3091,95', '5798,18333', '2801,10', '2801,10', '6989,01', '7268,57', '7559,30', '7861,68', '8176,15'] },
        { executor: EXECUTOR_EDUCATION, amounts: ['505,10', '505,10', '505,10', '505,10', '878,58', '913,73', '950,28', '988,29', '1027,82'] },
        { executor: 'УФКиМС', amounts: ['-', '330,37', '-', '-', '-', '-', '-', '-', '-'] },
        { executor: 'ФКУ', amounts: ['-', '173,20', '-', '-', '-', '-', '-', '-', '-'] },
      ],
    }),
    note('(в ред. Постановления Администрации города Рязани от 29.12.2023 N 16911)'),
    taskRow('1.', 'Задача 1. Внедрение цифровых технологий в сфере оказания муниципальных услуг'),
    ...groupRows({
      code: '1.1',
      name: 'Основное мероприятие 1.1. Организация предоставления муниципальных услуг в электронной форме',
      result:
        'Поддержать долю обращений за предоставлением муниципальных услуг в электронном виде в общем количестве обращений за предоставлением муниципальных услуг на уровне не менее 95%',
      lines: [
        { executor: EXECUTOR_ADMINISTRATION, amounts: ['-', '158,10', '158,10', '158,10', '173,06', '179,98', '187,18', '194,66', '202,45'] },
        { executor: EXECUTOR_EDUCATION, amounts: ['325,10', '325,10', '325,10', '325,10', '878,58', '913,73', '950,28', '988,29', '1027,82'] },
      ],
    }),
    note('(п. 1.1 в ред. Постановления Администрации города Рязани от 23.03.2023 N 3219)'),
    ...groupRows({
      code: '1.1.1',
      name: 'Мероприятие 1.1.1. Создание, приобретение, развитие, техническая поддержка, сервисное обслуживание автоматизированных информационных систем, необходимых для предоставления муниципальных услуг',
      lines: [{ executor: EXECUTOR_ADMINISTRATION, amounts: ['-', '158,10', '158,10', '158,10', '173,06', '179,98', '187,18', '194,66', '202,45'] }],
    }),
    note('(п. 1.1.1 в ред. Постановления Администрации города Рязани от 23.03.2023 N 3219)'),
    ...groupRows({
      code: '1.1.2',
      name: 'Мероприятие 1.1.2. Организация предоставления муниципальных услуг в сфере образования',
      lines: [{ executor: EXECUTOR_EDUCATION, amounts: ['325,10', '325,10', '325,10', '325,10', '878,58', '913,73', '950,28', '988,29', '1027,82'] }],
    }),
    note('(п. 1.1.2 в ред. Постановления Администрации города Рязани от 23.03.2023 N 3219)'),
    taskRow('2.', 'Задача 2. Совершенствование деятельности администрации города Рязани на основе использования современных информационно-коммуникационных технологий'),
    ...groupRows({
      code: '2.1.2',
      name: 'Мероприятие 2.1.2. Оснащение средствами вычислительной и множительной техники',
      lines: [
        { executor: 'Администрация города Рязани, МКУ "ЦС"', amounts: ['912,895', '3086,13333', '500,00', '-', '2627,975', '2733,095', '2842,415', '2956,115', '3074,36'] },
        { executor: EXECUTOR_EDUCATION, amounts: ['180,00', '180,00', '180,00', '180,00', '-', '-', '-', '-', '-'] },
        { executor: 'УФКиМС', amounts: ['-', '146,402', '-', '-', '-', '-', '-', '-', '-'] },
      ],
    }),
    note('(п. 2.1.2 в ред. Постановления Администрации города Рязани от 29.12.2023 N 16911)'),
  ]);
}

/**
 * A Table 4 with `activityCount` activities, for speed and pagination: executors cycle through
 * one to three lines (with a «Всего» row above two or more), a task row every fifty
 * activities, an amendment note every fourth. 10 000 activities give about 25 000 rows.
 */
export function largeResourceProvision(activityCount: number): ReportDocument {
  const executors = [EXECUTOR_ADMINISTRATION, EXECUTOR_EDUCATION, 'УФКиМС'];
  const rows: ReportRow[] = [];
  let seed = 12345;
  const nextAmount = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    if (seed % 7 === 0) return '-';
    const kopecks = seed % 1_000_000_000; // up to 9 999,99999 тыс. руб.
    return `${Math.floor(kopecks / 100_000)},${String(kopecks % 100_000).padStart(5, '0')}`;
  };
  for (let activity = 0; activity < activityCount; activity++) {
    const task = Math.floor(activity / 50) + 1;
    if (activity % 50 === 0) rows.push(taskRow(`${task}.`, `Задача ${task}. Внедрение цифровых технологий в сфере оказания муниципальных услуг`));
    const code = `${task}.${(activity % 50) + 1}`;
    const lineCount = [1, 2, 1, 3][activity % 4];
    rows.push(
      ...groupRows({
        code,
        name: `Мероприятие ${code}. Создание, приобретение, развитие, техническая поддержка автоматизированных информационных систем`,
        result: activity % 2 === 0 ? 'Поддержать долю обращений в электронном виде на уровне не менее 95%' : undefined,
        lines: executors.slice(0, lineCount).map((executor) => ({ executor, amounts: YEARS.map(nextAmount) })),
      }),
    );
    if (activity % 4 === 3) rows.push(note(`(п. ${code} в ред. Постановления Администрации города Рязани от 23.03.2023 N 3219)`));
  }
  return resourceDocument(rows);
}

/** Table 1 excerpt: indicator values as exact decimals, text values and «-». */
export function sampleIndicators(): ReportDocument {
  const yearColumns = YEARS.map((year): ReportColumn => ({ title: `${year} г.`, width: 5, align: 'center' }));
  const columns: ReportColumn[] = [
    { title: 'NN пп', width: 3, align: 'center' },
    { title: 'Целевой показатель (индикатор)', width: 22, align: 'left' },
    { title: 'Ед. измерения', width: 7, align: 'center' },
    { title: 'Базовое значение', width: 8, align: 'center' },
    ...yearColumns,
  ];
  const values = (texts: string[]): ReportCell[] =>
    texts.map((text) => (text === '-' ? { kind: 'number', value: null } : /^[\d.]+$/.test(text) ? { kind: 'number', value: text } : { kind: 'text', text }));
  const table: ReportTable = {
    columns,
    header: [
      [
        { text: 'NN пп', rowSpan: 2 },
        { text: 'Целевой показатель (индикатор)', rowSpan: 2 },
        { text: 'Ед. измерения', rowSpan: 2 },
        { text: 'Базовое значение целевого показателя (индикатора) на начало реализации муниципальной программы (2021 г. оценка)', rowSpan: 2 },
        { text: 'Планируемые значения целевых показателей (индикаторов) по годам реализации', colSpan: YEARS.length },
      ],
      YEARS.map((year) => ({ text: `${year} г.` })),
    ],
    columnNumbers: true,
    rows: [
      { cells: [{ kind: 'text', text: '' }, { kind: 'text', text: 'Муниципальная программа "Цифровизация городской среды"', colSpan: columns.length - 1 }], emphasis: 'section' },
      {
        cells: [
          { kind: 'text', text: '1.1.' },
          { kind: 'text', text: 'Доля обращений за предоставлением муниципальных услуг в электронном виде в общем количестве обращений за предоставлением муниципальных услуг' },
          { kind: 'text', text: '%' },
          ...values(['99', 'Не менее 95', 'Не менее 95', 'Не менее 95', 'Не менее 95', 'Не менее 95', 'Не менее 95', 'Не менее 95', 'Не менее 95', 'Не менее 95']),
        ],
      },
      {
        cells: [
          { kind: 'text', text: '3.1' },
          { kind: 'text', text: 'Количество электронных сервисов в системе "цифрового двойника города" <*>' },
          { kind: 'text', text: 'ед. нараст. итогом' },
          ...values(['5', '-', '-', '-', '-', '9', '10', '10', '11', '11']),
        ],
      },
      fullWidthRow({ columns }, '(п. 3.1 в ред. Постановления Администрации города Рязани от 23.03.2023 N 3219)'),
      {
        cells: [
          { kind: 'text', text: '4.1' },
          { kind: 'text', text: 'Уровень цифровой зрелости отрасли (среднее декомпозированных показателей)' },
          { kind: 'text', text: '%' },
          ...values(['38.5', '41.67', '45', '50', '55', '60', '65', '70', '75', '80']),
        ],
      },
    ],
  };
  return {
    fileTitle: 'Сведения о целевых показателях (индикаторах) муниципальной программы',
    orientation: 'landscape',
    title: ['Сведения', 'о целевых показателях (индикаторах) муниципальной программы,', 'их значениях'],
    blocks: [{ kind: 'table', table }],
  };
}
