// Table 2, «Перечень основных мероприятий»: tasks, main activities with their period and
// co-executors, the activities each one includes («Мероприятие 1.1.1. …», several to a cell)
// and the indicators it serves. A row with no code and no name continues the main activity
// above with more participants and activities. Parts another table of the same file already
// brought (Table 4 prints «1.1» where Table 2 prints «1.1.») are the same parts, never copies.

import type { Indicator, ProgramNode } from '../../../shared/domain';
import { clean, codeDepth, normaliseCode, parseAmendmentNote, parseCode, parseHeading, periodIn, stripQuotes } from '../cellText';
import type { ImportDraft } from '../importDraft';
import { readIndicatorName } from '../indicatorText';
import { columnWith, type Column, type TableHeader } from '../recognise/tableHeader';
import type { TableContext, TableKind } from '../recognise/tableKind';
import { bodyRows, fullWidthText, ownCellText } from '../recognise/tableRows';

/** Titles compared as words: case, quotes, brackets and punctuation do not count. */
export function titleKey(text: string): string {
  return clean(text)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/<\*+>/g, ' ')
    .replace(/[«»"“”„'’`()[\].,;:!?–—-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A name's closing full stop is not part of it: «…(ИЦГУ).» is «…(ИЦГУ)»; «г.», «ед.» stay. */
function withoutFinalStop(text: string): string {
  const value = clean(text);
  return /(\)|[а-яёa-z]{4,})\.$/i.test(value) ? value.slice(0, -1) : value;
}

/** A paragraph that opens a new activity: «Мероприятие 1.1.1.» or «1.1.1.». */
const ACTIVITY_START = /^(?:мероприятие\s+\d|\d+(?:\.\d+)+\.?(?:\s|$))/i;

/**
 * The activities a cell lists. Each starts with «Мероприятие N.» (its name may follow on the
 * next line); without such numbering every paragraph is one activity.
 */
export function splitActivities(raw: string): string[] {
  const lines = raw
    .split(/\n+/)
    // Two numbered activities run together in one paragraph are still two.
    .flatMap((line) => line.split(/\s(?=Мероприятие\s+\d+(?:\.\d+)*\.?(?:\s|$))/))
    .map(clean)
    .filter(Boolean);
  if (!lines.some((line) => ACTIVITY_START.test(line))) return lines;
  const items: string[] = [];
  for (const line of lines) {
    if (ACTIVITY_START.test(line) || items.length === 0) items.push(line);
    else items[items.length - 1] = `${items[items.length - 1]} ${line}`;
  }
  return items;
}

/** «1.1.1. Создание…» or «Мероприятие 1.1.1. Создание…» → code and name. */
function readActivity(item: string): { code: string; title: string } {
  const heading = parseHeading(item);
  if (heading.kind !== null) return { code: normaliseCode(heading.code), title: withoutFinalStop(heading.title) };
  const [first, ...rest] = item.split(' ');
  const code = parseCode(first);
  return code && rest.length ? { code: normaliseCode(code), title: withoutFinalStop(rest.join(' ')) } : { code: '', title: withoutFinalStop(item) };
}

/** The indicators a «Связь с целевыми показателями» cell names, by name or by code. */
function linkedIndicators(draft: ImportDraft, raw: string): Indicator[] {
  const byName = (text: string): Indicator[] => {
    const key = titleKey(readIndicatorName(text).name);
    if (key.length < 3) return [];
    const exact = draft.indicators.filter((i) => titleKey(i.name) === key);
    if (exact.length) return exact;
    // The seed's own Table 2 cuts a name short (an unclosed quote): a long enough start names it.
    if (key.length < 20) return [];
    const prefix = draft.indicators.filter((i) => titleKey(i.name).startsWith(key) || key.startsWith(titleKey(i.name)));
    return prefix.length === 1 ? prefix : [];
  };
  const whole = byName(raw);
  if (whole.length) return whole;
  // Several indicators, one a paragraph.
  const lines = raw.split(/\n+/).map(clean).filter(Boolean);
  if (lines.length > 1) {
    const each = lines.map(byName);
    if (each.every((found) => found.length)) return [...new Set(each.flat())];
  }
  // «1.1, 1.2» or «показатели 1.1, 2.1»: by the codes Table 1 prints.
  const codes = clean(raw)
    .replace(/^(целев[а-я]*\s+)?(показател[а-я]*|индикатор[а-я]*)\s*/i, '')
    .split(/[,;\s]+/)
    .filter(Boolean);
  if (codes.length && codes.every((c) => parseCode(c) !== null)) {
    const found = codes.map((c) => draft.indicators.find((i) => i.code && normaliseCode(i.code) === normaliseCode(c)));
    if (found.every((i): i is Indicator => i !== undefined)) return [...new Set(found)];
  }
  return [];
}

export const mainActivitiesKind: TableKind = {
  kind: 'mainActivities',
  label: 'Таблица 2: перечень основных мероприятий',
  score(header: TableHeader) {
    const link = !!columnWith(header, 'link');
    const activities = !!columnWith(header, 'activities');
    // Money or values by year belong to the other forms.
    if ((!link && !activities) || header.columns.some((c) => c.role === 'year' || c.role === 'quarter' || c.role === 'plan')) return 0;
    return (
      0.3 +
      0.2 * Number(link) +
      0.2 * Number(activities) +
      0.15 * Number(!!columnWith(header, 'period')) +
      0.1 * Number(!!columnWith(header, 'executor')) +
      0.05 * Number(!!columnWith(header, 'code'))
    );
  },

  read(context: TableContext) {
    const { header, draft, table } = context;
    const code = columnWith(header, 'code');
    const title = columnWith(header, 'title') ?? header.columns[code ? 1 : 0];
    const period = columnWith(header, 'period');
    const executor = columnWith(header, 'executor');
    const activities = columnWith(header, 'activities');
    const link = columnWith(header, 'link');
    const place = (row: number, column?: Column) => ({ table, row, col: column?.index, column: column?.label });
    let subprogram: ProgramNode | null = null;
    let task: ProgramNode | null = null;
    let current: ProgramNode | null = null;

    /** Participants, activities and indicator links of one row, added to the main activity. */
    const readDetails = (row: number, node: ProgramNode) => {
      const executorText = ownCellText(context, row, executor);
      if (executorText) draft.addExecutor(node, executorText);
      if (activities) {
        const cell = table.rows[row][activities.index];
        const raw = cell.originRow === row ? cell.text : '';
        for (const item of splitActivities(raw)) addActivity(row, node, item);
      }
      const linkText = link ? table.rows[row][link.index] : null;
      if (linkText && linkText.originRow === row && clean(linkText.text)) {
        const found = linkedIndicators(draft, linkText.text);
        if (!found.length) {
          draft.doubt(
            place(row, link),
            draft.indicators.length
              ? `показатель «${clip(linkText.text)}» не найден среди показателей файла — связь не установлена`
              : `в файле нет таблицы целевых показателей — связь с «${clip(linkText.text)}» не установлена`,
          );
        }
        for (const indicator of found) if (!indicator.nodeIds.includes(node.id)) indicator.nodeIds.push(node.id);
      }
    };

    const addActivity = (row: number, parent: ProgramNode, item: string) => {
      let { code: activityCode, title: activityTitle } = readActivity(item);
      const parentCode = normaliseCode(parent.code);
      // Ryazan's Table 2 lists «Мероприятие 4.1.» and «4.2.» under main activity 4.1, which
      // Table 4 numbers 4.1.1 and 4.1.2: a code no deeper than its parent's is a number within it.
      if (activityCode && /^\d+(\.\d+)*$/.test(parentCode) && codeDepth(activityCode) <= codeDepth(parentCode)) {
        const numbered = `${parentCode}.${activityCode.split('.').pop()}`;
        draft.doubt(place(row, activities), `мероприятие «${activityCode}» записано не под номером основного мероприятия ${parentCode} — принято за п. ${numbered}`);
        activityCode = numbered;
      }
      const key = titleKey(activityTitle);
      const existing =
        draft.nodes.find((n) => n.parentId === parent.id && titleKey(n.title) === key) ??
        (activityCode ? draft.findNode(null, activityCode, undefined, activityCode.includes('.') ? undefined : parent.id) : undefined);
      if (!existing) draft.addNode({ kind: 'activity', code: activityCode, title: activityTitle, parentId: parent.id });
    };

    for (const row of bodyRows(context)) {
      const wide = fullWidthText(context, row);
      if (wide !== null) {
        const note = parseAmendmentNote(wide);
        if (note) {
          const named = note.item ? draft.findNode(null, note.item) : undefined;
          const target = named ?? current;
          draft.markAmended(note, target ? { entity: 'node', entityId: target.id } : { entity: 'program', entityId: 0 });
          continue;
        }
        if (/^цель/i.test(wide)) {
          draft.goal ||= clean(wide.replace(/^цель[^:]*:\s*/i, ''));
          continue;
        }
        if (/^(муниципальная|государственная|региональная)\s+программа/i.test(wide)) {
          draft.title ||= stripQuotes(wide.replace(/^[а-яё]+\s+программа\s*/i, ''));
          continue;
        }
        // A row merged whole may still begin with its number: «1. Задача 1: …».
        const heading = parseHeading(wide.replace(/^(\d+\.)+\s*(?=[А-ЯЁа-яё])/, ''));
        if (heading.kind === 'subprogram') {
          subprogram =
            draft.findNode('subprogram', heading.code, heading.title, null) ??
            draft.addNode({ kind: 'subprogram', code: heading.code, title: heading.title, parentId: null });
          task = current = null;
          continue;
        }
        if (heading.kind === 'task') {
          task = findOrAddTask(draft, heading.code, heading.title, subprogram);
          current = null;
          continue;
        }
        draft.doubt(place(row), `строка «${clip(wide)}» не распознана и пропущена`);
        continue;
      }

      const ownCode = ownCellText(context, row, code);
      const ownTitle = ownCellText(context, row, title);
      if (!ownCode && !ownTitle) {
        if (current) readDetails(row, current);
        else draft.doubt(place(row), 'строка без номера и наименования до первого основного мероприятия пропущена');
        continue;
      }
      const heading = parseHeading(ownTitle);
      // Kept as printed («1.1.»); look-ups and the hierarchy compare codes without the final dot.
      const asPrinted = parseCode(ownCode) ?? heading.code;
      const printedCode = normaliseCode(asPrinted);
      if (ownCode && !parseCode(ownCode)) draft.doubt(place(row, code), `номер «${clip(ownCode)}» не распознан`);
      // A task's name runs across the rest of the row: «1.» | «Задача 1: …».
      const titleCell = table.rows[row][title.index];
      const spansRow = titleCell.colSpan > 1 && titleCell.originCol + titleCell.colSpan >= table.rows[row].length;
      if (heading.kind === 'task' || (heading.kind === null && spansRow && codeDepth(printedCode || '1') === 1)) {
        task = findOrAddTask(draft, asPrinted, heading.title, subprogram);
        current = null;
        continue;
      }
      if (heading.kind === 'subprogram') {
        subprogram =
          draft.findNode('subprogram', printedCode, heading.title, null) ??
          draft.addNode({ kind: 'subprogram', code: asPrinted, title: heading.title, parentId: null });
        task = current = null;
        continue;
      }
      const upperCode = printedCode.split('.').slice(0, -1).join('.');
      const parent = (upperCode && draft.findNode(null, upperCode)) || task || subprogram;
      if (!parent && upperCode) draft.doubt(place(row, code), `не найдена вышестоящая часть для п. ${printedCode}`);
      const nodeTitle = withoutFinalStop(heading.kind ? heading.title : ownTitle);
      const node =
        (printedCode
          ? draft.findNode(null, printedCode, undefined, printedCode.includes('.') ? undefined : (parent?.id ?? null))
          : draft.findNode('mainActivity', '', nodeTitle, parent?.id ?? null)) ??
        draft.addNode({ kind: heading.kind ?? 'mainActivity', code: asPrinted, title: nodeTitle, parentId: parent?.id ?? null });
      current = node;

      const periodText = ownCellText(context, row, period);
      if (periodText) {
        const years = periodIn(periodText);
        if (!years) draft.doubt(place(row, period), `срок «${clip(periodText)}» не распознан и не записан`);
        else if (node.periodStart === null && node.periodEnd === null) [node.periodStart, node.periodEnd] = years;
        else if (node.periodStart !== years[0] || node.periodEnd !== years[1]) {
          draft.doubt(place(row, period), `срок «${periodText}» расходится с указанным ранее (${node.periodStart}–${node.periodEnd}) — оставлен прежний`);
        }
      }
      readDetails(row, node);
    }
  },
};

function findOrAddTask(draft: ImportDraft, code: string, title: string, subprogram: ProgramNode | null): ProgramNode {
  const parentId = subprogram?.id ?? null;
  return (
    draft.findNode('task', code, title, normaliseCode(code).includes('.') || !subprogram ? undefined : parentId) ??
    draft.addNode({ kind: 'task', code, title, parentId })
  );
}

function clip(text: string): string {
  const value = clean(text);
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}
