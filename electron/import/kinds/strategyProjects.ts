// «Проекты и показатели Стратегии цифровой трансформации …» (seed 001, Smolensk): a section of
// the strategy («7.1. Образование и наука») becomes a subprogram, each project under it a main
// activity with the responsible body as its executor, and each indicator row an indicator
// linked to its project. The same indicator under several projects is one indicator linked to
// each of them: the sector's «цифровая зрелость» share repeats under most projects. Project
// numbers start again in every section, so a project is looked up under its section.
//
// A project spans several rows: the first carries its number, name and body, the rest leave
// those cells empty (or merged down). A page break may cut a project's, a body's or an
// indicator's name: the rest comes in a row of its own without a number and without values,
// and is appended to the name it continues.

import type { ProgramNode } from '../../../shared/domain';
import type { IndicatorValue } from '../../../shared/indicatorValue';
import { clean, normaliseCode, parseCode } from '../cellText';
import { readUnit } from '../indicatorText';
import type { Place } from '../place';
import { columnWith, columnsWith, type Column, type TableHeader } from '../recognise/tableHeader';
import type { TableContext, TableKind } from '../recognise/tableKind';
import { bodyRows, cellText, fullWidthText, ownCellText, readIndicatorValue } from '../recognise/tableRows';

/** «7.1. Образование и наука», «7.10 Экология и природопользование». */
const SECTION = /^(\d+(?:\.\d+)*)\.?\s+(\S.*)$/;

interface SectionLine {
  row: number;
  code: string;
  title: string;
}

interface IndicatorLine {
  row: number;
  name: string;
  unit: string;
  values: { column: Column; value: IndicatorValue }[];
}

interface ProjectLine {
  row: number;
  section: SectionLine | null;
  /** As printed: «1.». */
  code: string;
  title: string;
  responsible: string;
  indicators: IndicatorLine[];
}

function joined(start: string, rest: string): string {
  return clean(`${start} ${rest}`);
}

/** Indicator names compared the way an officer reads them: case and «ё» do not matter. */
function nameKey(name: string): string {
  return clean(name).toLowerCase().replace(/ё/g, 'е');
}

function shortened(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

export const strategyProjectsKind: TableKind = {
  kind: 'strategyProjects',
  label: 'Проекты и показатели стратегии цифровой трансформации',
  score(header: TableHeader) {
    if (!columnWith(header, 'project') || !columnsWith(header, 'year').length) return 0;
    return 0.6 + 0.15 * Number(!!columnWith(header, 'responsible')) + 0.15 * Number(!!columnWith(header, 'title')) + 0.1 * Number(!!columnWith(header, 'unit'));
  },

  read(context: TableContext) {
    const { header, draft, table, titleLines } = context;
    const codeColumn = columnWith(header, 'code');
    const projectColumn = columnWith(header, 'project')!;
    // «Ответственный орган» names one body, commas in its name or not; an executor column may list several.
    const oneBody = !!columnWith(header, 'responsible');
    const responsibleColumn = columnWith(header, 'responsible') ?? columnWith(header, 'executor');
    const indicatorColumn = columnWith(header, 'title');
    const unitColumn = columnWith(header, 'unit');
    const years = columnsWith(header, 'year');
    const place = (row: number, column?: Column): Place => ({ table, row, col: column?.index, column: column?.label });

    // First the rows as printed, names completed across page breaks; then the program parts.
    const projects: ProjectLine[] = [];
    let section: SectionLine | null = null;
    let project: ProjectLine | null = null;
    for (const row of bodyRows(context)) {
      const wide = fullWidthText(context, row);
      if (wide !== null) {
        const match = SECTION.exec(wide);
        if (match) {
          section = { row, code: normaliseCode(match[1]), title: clean(match[2]) };
          project = null;
        } else {
          draft.doubt(place(row), `строка «${shortened(wide)}» не распознана как раздел стратегии и пропущена`);
        }
        continue;
      }
      const printedCode = ownCellText(context, row, codeColumn);
      const projectText = ownCellText(context, row, projectColumn);
      const responsibleText = ownCellText(context, row, responsibleColumn);
      const indicatorText = ownCellText(context, row, indicatorColumn);
      // A row of its own values is an indicator; without them, the rest of names cut by a page.
      const ownValues = years.some((column) => ownCellText(context, row, column) !== '') || ownCellText(context, row, unitColumn) !== '';

      if (printedCode && parseCode(printedCode) === null) {
        draft.doubt(place(row, codeColumn), `ожидался номер проекта, найдено «${shortened(printedCode)}» — строка пропущена`);
        continue;
      }
      if (printedCode || (projectText && responsibleText && ownValues)) {
        if (!printedCode) draft.doubt(place(row, codeColumn), `у проекта «${shortened(projectText)}» нет номера`);
        if (!projectText) draft.doubt(place(row, projectColumn), `у проекта № ${printedCode} нет наименования`);
        project = { row, section, code: printedCode, title: projectText, responsible: responsibleText, indicators: [] };
        projects.push(project);
      } else if (!project) {
        draft.doubt(place(row), 'строка до первого проекта раздела пропущена');
        continue;
      } else {
        // Forms that repeat the project in every row instead of merging its cells say nothing new.
        if (projectText && projectText !== project.title) project.title = joined(project.title, projectText);
        if (responsibleText && responsibleText !== project.responsible) project.responsible = joined(project.responsible, responsibleText);
      }

      if (ownValues) {
        if (!indicatorText) {
          draft.doubt(place(row, indicatorColumn), 'значения без наименования показателя пропущены');
          continue;
        }
        const values = years.flatMap((column) => {
          const value = readIndicatorValue(context, row, column);
          return value ? [{ column, value }] : [];
        });
        project.indicators.push({ row, name: indicatorText, unit: readUnit(cellText(context, row, unitColumn)).unit, values });
      } else if (indicatorText) {
        const last = project.indicators[project.indicators.length - 1];
        if (last) last.name = joined(last.name, indicatorText);
        else draft.doubt(place(row, indicatorColumn), `показатель «${shortened(indicatorText)}» без единицы измерения и значений пропущен`);
      }
    }

    const sectionNodes = new Map<SectionLine, ProgramNode>();
    const sectionNode = (line: SectionLine): ProgramNode => {
      let node = sectionNodes.get(line);
      if (!node) {
        node = draft.findNode('subprogram', line.code, undefined, null) ?? draft.addNode({ kind: 'subprogram', code: line.code, title: line.title, parentId: null });
        sectionNodes.set(line, node);
      }
      return node;
    };
    const firstRowOf = new Map<number, number>();

    for (const line of projects) {
      const parent = line.section ? sectionNode(line.section) : null;
      const parentId = parent?.id ?? null;
      const existing = line.code ? draft.findNode('mainActivity', line.code, undefined, parentId) : draft.findNode('mainActivity', '', line.title, parentId);
      if (existing) {
        draft.doubt(place(line.row, codeColumn), `проект № ${line.code} уже встречался в этом разделе — строки объединены с ним`);
      }
      const node = existing ?? draft.addNode({ kind: 'mainActivity', code: line.code, title: line.title, parentId });
      if (line.responsible) draft.addExecutor(node, line.responsible, oneBody);
      else draft.doubt(place(line.row, responsibleColumn), `у проекта № ${line.code} не указан ответственный орган исполнительной власти`);

      for (const entry of line.indicators) {
        const key = nameKey(entry.name);
        let indicator = draft.indicators.find((i) => nameKey(i.name) === key);
        if (!indicator) {
          indicator = draft.addIndicator({ name: entry.name, unit: entry.unit });
          for (const { column, value } of entry.values) {
            indicator.values.push({ ...value, year: column.year!, period: 0, type: 'plan', date: null, comment: null });
          }
          firstRowOf.set(indicator.id, entry.row);
        } else {
          const differs =
            indicator.unit !== entry.unit ||
            entry.values.length !== indicator.values.length ||
            entry.values.some(({ column, value }) => {
              const kept = indicator!.values.find((v) => v.year === column.year);
              return !kept || kept.value !== value.value || kept.mark !== value.mark || kept.comparator !== value.comparator;
            });
          if (differs) {
            const first = firstRowOf.get(indicator.id);
            draft.doubt(
              place(entry.row, indicatorColumn),
              `показатель «${shortened(entry.name)}» уже указан${first === undefined ? '' : ` в строке ${table.displayRow(first)}`} с другими единицей измерения или значениями — оставлены прежние`,
            );
          }
        }
        if (!indicator.nodeIds.includes(node.id)) indicator.nodeIds.push(node.id);
      }
    }

    // The form's own title names the strategy; «Проекты и показатели …» has no quotes to find.
    if (!draft.title) {
      const title = titleLines.map(clean).find((line) => /стратеги/i.test(line));
      if (title) draft.title = title;
    }
    // A strategy of digital transformation is a region's: its programs are государственные.
    draft.level = 'regional';
    draft.takePeriodFrom(years.map((c) => c.year));
  },
};
