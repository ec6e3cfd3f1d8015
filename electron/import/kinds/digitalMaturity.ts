// The regional form «Дорожная карта по достижению «цифровой зрелости» отрасли ___» (seed 001,
// annex 3): a header «X | 2021 | 2022 | …», the region's decomposed average of the digital
// maturity (ЦЗ) indicator, the department's planned average, then for each indicator that
// makes up the sector's ЦЗ a row of its values and a row of the activities planned for each
// year. The decomposed average becomes indicator «ЦЗ», each «Значение показателя N «…»»
// indicator «ЦЗ.N», each activity cell an activity of that year linked to its indicator. The
// planned average is (Показатель 1 + … + Показатель N) / N, which the report computes: it is
// not stored, and figures the file gives for it are only checked against the indicators.

import type { Indicator } from '../../../shared/domain';
import { formatDecimal, fractionLength, meanOf, scaled, type IndicatorValue } from '../../../shared/indicatorValue';
import { clean, isBlankOrDash } from '../cellText';
import { readIndicatorName } from '../indicatorText';
import type { Place } from '../place';
import { readFormTitle } from '../recognise/formTitle';
import { columnsWith, type Column, type TableHeader } from '../recognise/tableHeader';
import type { TableContext, TableKind } from '../recognise/tableKind';
import { bodyRows, cellText, readIndicatorValue } from '../recognise/tableRows';

const AVERAGE = /^среднее\s+значение\s+показателя\s+цз/i;
const PLANNED_AVERAGE = /^плановое\s+среднее\s+значение/i;
const BREAKDOWN = /^в\s+том\s+числе/i;
/** «Значение показателя 1 «Доля …»»; the blank template writes «N» and «...». */
const INDICATOR_VALUES = /^значение\s+показателя\s+(\d+|N)(?=[\s«"“]|$)\s*(.*)$/i;
const ACTIVITIES = /^мероприяти[яей].*?показател[яьи]\s+(\d+|N)(?=[\s,.]|$)/i;
const ELLIPSIS = /^(\.{2,}|…)$/;
/** The column header of the row labels: a Latin or a Cyrillic «X». */
const LABEL_MARK = /^[XxХх×]$/;

const FORM_NAME = 'Дорожная карта по достижению «цифровой зрелости»';

function shortened(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** «Значение показателя 1 «Доля «…» …»» keeps the inner quotes, loses the outer pair. */
function withoutOuterQuotes(text: string): string {
  const match = /^[«"“](.*)[»"”]$/.exec(clean(text));
  return match ? clean(match[1]) : clean(text);
}

/**
 * The sector the title names: «… «цифровой зрелости» отрасли «Образование»» → «Образование»;
 * null when the blank («_____ (наименование отрасли)») is not filled in; undefined when the
 * title lines are not this form's.
 */
export function maturitySector(titleLines: string[]): string | null | undefined {
  const lines = titleLines.map(clean);
  const at = lines.findIndex((line) => /зрелост/i.test(line) && /отрасл/i.test(line));
  if (at < 0) return undefined;
  const rest = /отрасл[а-яё]*\s*(.*)$/i.exec(lines[at].slice(lines[at].search(/зрелост/i)))?.[1] ?? '';
  const sector = withoutOuterQuotes(rest.replace(/\(\s*наименование\s+отрасли\s*\)/i, '').replace(/_+/g, ' '));
  return sector ? sector : null;
}

// ─── exact averages ─────────────────────────────────────────────────────────────────────────

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/**
 * Whether a printed average agrees with the exact mean of `values`: it may be the mean rounded
 * to as many decimals as it is printed with («33,3» for 33,333…), and no further off.
 */
export function averageAgrees(printed: string, values: string[]): boolean {
  const decimals = fractionLength(printed);
  const scale = Math.max(decimals, ...values.map(fractionLength));
  const count = BigInt(values.length);
  const sum = values.reduce((total, value) => total + scaled(value, scale), 0n);
  const difference = abs(scaled(printed, scale) * count - sum);
  return 2n * difference <= count * 10n ** BigInt(scale - decimals);
}

/** The exact mean as officers read it: «47,5»; «≈ 33,3333» when it does not end in 4 decimals. */
export function averageText(values: string[]): string {
  const mean = meanOf(values, 4)!;
  return mean.exact ? formatDecimal(mean.value) : `≈ ${formatDecimal(mean.value)}`;
}

// ─── the kind ───────────────────────────────────────────────────────────────────────────────

interface ActivitiesLine {
  row: number;
  number: string;
}

export const digitalMaturityKind: TableKind = {
  kind: 'digitalMaturity',
  label: 'Дорожная карта по достижению «цифровой зрелости» отрасли',
  score(header: TableHeader, titleLines: string[]) {
    const [first, ...rest] = header.columns;
    if (!first || rest.length < 2 || rest.some((column) => column.role !== 'year')) return 0;
    const marked = LABEL_MARK.test(first.label);
    const titled = maturitySector(titleLines) !== undefined;
    if (!marked && !titled) return 0;
    return 0.5 + 0.3 * Number(marked) + 0.2 * Number(titled);
  },

  read(context: TableContext) {
    const { header, draft, table, titleLines } = context;
    const labelColumn = header.columns[0];
    const years = columnsWith(header, 'year');
    const place = (row: number, column?: Column): Place => ({ table, row, col: column?.index, column: column?.label });
    const tableName = table.kind === 'xlsx' ? `лист «${table.name}»` : table.name;

    const plan = (indicator: Indicator, row: number): void => {
      for (const column of years) {
        const value = readIndicatorValue(context, row, column);
        if (value) indicator.values.push({ ...value, year: column.year!, period: 0, type: 'plan', date: null, comment: null });
      }
    };
    const addIndicator = (code: string, name: string, unit: string): Indicator => draft.addIndicator({ code, name, unit });

    const numbered = new Map<string, Indicator>();
    const activityLines: ActivitiesLine[] = [];
    let plannedAverageRow: number | null = null;

    for (const row of bodyRows(context)) {
      const label = cellText(context, row, labelColumn);
      const hasValues = years.some((column) => cellText(context, row, column) !== '');
      if (AVERAGE.test(label)) {
        const indicator = addIndicator('ЦЗ', label, '%');
        plan(indicator, row);
        continue;
      }
      if (PLANNED_AVERAGE.test(label)) {
        plannedAverageRow = row;
        continue;
      }
      if (BREAKDOWN.test(label) || (ELLIPSIS.test(label) && !hasValues)) continue;

      const values = INDICATOR_VALUES.exec(label);
      if (values) {
        const [, number, rest] = values;
        const written = withoutOuterQuotes(rest);
        const blank = written === '' || ELLIPSIS.test(written);
        if (blank && !hasValues) continue; // the template's own line, not filled in
        if (number.toUpperCase() === 'N') {
          draft.doubt(place(row, labelColumn), 'показатель без номера («N») пропущен: укажите его номер');
          continue;
        }
        if (numbered.has(number)) {
          draft.doubt(place(row, labelColumn), `показатель ${number} уже указан выше — строка пропущена`);
          continue;
        }
        if (blank) draft.doubt(place(row, labelColumn), `не указано наименование показателя ${number}`);
        const { name, unit } = readIndicatorName(blank ? `Показатель ${number}` : written);
        const percent = years.some((column) => /%\s*$/.test(cellText(context, row, column)));
        const indicator = addIndicator(`ЦЗ.${number}`, name, unit ?? (percent ? '%' : ''));
        plan(indicator, row);
        numbered.set(number, indicator);
        continue;
      }

      const activities = ACTIVITIES.exec(label);
      if (activities) {
        // The blank template's lines plan nothing: nothing to record, nothing to doubt.
        if (hasValues) activityLines.push({ row, number: activities[1] });
        continue;
      }
      draft.doubt(place(row, labelColumn), `строка «${shortened(label)}» не распознана и пропущена`);
    }

    // Activities may be listed before the values of their indicator: link them at the end.
    for (const { row, number } of activityLines) {
      const indicator = numbered.get(number);
      if (!indicator) {
        draft.doubt(place(row, labelColumn), `значения показателя ${number} в форме не указаны — мероприятия записаны без связи с показателем`);
      }
      for (const column of years) {
        const text = cellText(context, row, column);
        if (isBlankOrDash(text) || ELLIPSIS.test(text)) continue;
        const node = draft.addNode({ kind: 'activity', code: '', title: text, parentId: null, periodStart: column.year, periodEnd: column.year });
        indicator?.nodeIds.push(node.id);
      }
    }

    if (plannedAverageRow !== null) checkPlannedAverage(plannedAverageRow);

    const sector = maturitySector(titleLines);
    // analyseFile may have taken «цифровой зрелости» in quotes for the program's name.
    const guessed = readFormTitle(titleLines).title;
    if (!draft.title || draft.title === guessed) draft.title = sector ? `${FORM_NAME} отрасли «${sector}»` : FORM_NAME;
    if (sector === null) draft.doubts.push({ where: `${draft.file}, ${tableName}`, message: 'наименование отрасли в заголовке формы не указано' });
    // Digital maturity is measured for a region (субъект РФ) and decomposed to it.
    draft.level = 'regional';
    draft.takePeriodFrom(years.map((c) => c.year));

    function checkPlannedAverage(row: number): void {
      const indicators = [...numbered.values()];
      for (const column of years) {
        const text = cellText(context, row, column);
        if (isBlankOrDash(text)) continue;
        const cell = place(row, column);
        let stated: IndicatorValue | null;
        try {
          stated = readIndicatorValue(context, row, column);
        } catch {
          stated = null;
        }
        if (!stated || stated.value === null) {
          draft.doubt(cell, `плановое среднее значение ЦЗ «${shortened(text)}» не распознано; оно не записывается — отчёт вычисляет его по показателям`);
          continue;
        }
        const values = indicators.map((i) => i.values.find((v) => v.year === column.year && v.type === 'plan')?.value ?? null);
        if (!values.length || values.some((v) => v === null)) {
          draft.doubt(
            cell,
            `плановое среднее значение ЦЗ на ${column.year} год «${text}» не проверено: ${values.length ? 'не у всех показателей указано значение на этот год' : 'показатели отрасли в форме не указаны'}; оно не записывается — отчёт вычисляет его по показателям`,
          );
          continue;
        }
        const known = values as string[];
        if (!averageAgrees(stated.value, known)) {
          draft.doubt(
            cell,
            `плановое среднее значение ЦЗ на ${column.year} год указано «${text}», а среднее значений показателей (${known.length}) равно ${averageText(known)}; ` +
              'указанное значение не записано — отчёт вычисляет среднее по показателям',
          );
        }
      }
    }
  },
};
