// From the bytes of a file to a draft program: read its tables within the fixed limits,
// recognise each table's kind by its header, read the recognised ones into one draft.

import { ImportFileError, fileLabel } from './readers/importFileError';
import { readTables } from './readers/readTables';
import type { RawTable } from './readers/rawTable';
import { ImportDraft } from './importDraft';
import { TABLE_KINDS } from './kinds';
import { readFormTitle } from './recognise/formTitle';
import { readHeader } from './recognise/tableHeader';
import type { TableKind } from './recognise/tableKind';
import { titleLinesOf } from './recognise/tableRows';

/** Below this a table is not taken for any kind. */
const MIN_CONFIDENCE = 0.5;

export function analyseFile(bytes: Uint8Array, fileName: string, kinds: readonly TableKind[] = TABLE_KINDS): ImportDraft {
  const tables = readTables(bytes, fileName);
  const draft = new ImportDraft(fileName);
  const unrecognised: string[] = [];
  for (const table of tables) {
    const header = readHeader(table);
    if (!header || header.bodyStart >= table.rows.length) {
      unrecognised.push(table.name);
      continue;
    }
    const titleLines = titleLinesOf({ table, header });
    const scored = kinds.map((kind) => ({ kind, score: kind.score(header, titleLines) })).sort((a, b) => b.score - a.score);
    const best = scored[0];
    if (!best || best.score < MIN_CONFIDENCE) {
      unrecognised.push(table.name);
      continue;
    }
    // A period the form's title states («на 2020-2024 годы») is the program's; the year
    // columns only fill in when no title says it.
    const formTitle = readFormTitle(titleLines);
    if (!draft.title && formTitle.title) draft.title = formTitle.title;
    if (formTitle.period && draft.periodStart === null) [draft.periodStart, draft.periodEnd] = formTitle.period;
    best.kind.read({ table, header, draft, titleLines });
    draft.tables.push({ table: table.name, kind: best.kind.kind, label: best.kind.label, confidence: Math.round(best.score * 100) / 100, rows: table.rows.length - header.bodyStart });
  }
  if (draft.tables.length === 0) {
    // Fix (Table 2/3 work): the refusal names the tables it looked at and the header it read,
    // so the officer knows where to look: «таблица «Таблица 1» (Подразделение | Адрес)».
    const named = tables.slice(0, 3).map(describeUnrecognised).join('; ') + (tables.length > 3 ? '; …' : '');
    throw new ImportFileError(
      fileName,
      `${fileLabel(fileName)}: ${tables.length === 1 ? `${named} не распознан${tables[0].kind === 'xlsx' ? '' : 'а'}` : `ни одна из таблиц (${tables.length}) не распознана: ${named}`}. ` +
        'Munplan читает формы: целевые показатели (Таблица 1), основные мероприятия (Таблица 2), бюджетные ассигнования (Таблица 3), ' +
        'ресурсное обеспечение (Таблица 4), дорожную карту по кварталам, отчёт план/факт, проекты стратегии и дорожную карту цифровой зрелости.',
    );
  }
  for (const name of unrecognised) draft.doubts.push({ where: `${fileName}, ${name}`, message: 'таблица не распознана и пропущена' });
  return draft;
}

/** «таблица «Таблица 1» (Подразделение | Адрес)» or «лист «Адреса» (…)». */
function describeUnrecognised(table: RawTable): string {
  const header = readHeader(table);
  const headings = header ? header.columns.map((c) => c.label).filter(Boolean) : [];
  const shown = headings.slice(0, 6).join(' | ') + (headings.length > 6 ? ' | …' : '');
  return `${table.kind === 'xlsx' ? 'лист' : 'таблица'} «${table.name}»${shown ? ` (заголовок: ${shown.length > 200 ? `${shown.slice(0, 200)}…` : shown})` : ''}`;
}
