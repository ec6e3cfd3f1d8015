// Two editions of a program side by side: what an amendment changed, in the terms of the
// printed tables — passport fields, parts and their money by year, indicators' plans.

import type { EditionChange } from '../../shared/api/contract';
import type { ProgramDetail, ProgramNode } from '../../shared/domain';
import { formatThousands } from '../../shared/money';
import { nodePlace } from './findings';
import { computeTotals, programYears, type AmountCell } from './totals';

const PASSPORT_FIELDS: [keyof ProgramDetail['program'], string][] = [
  ['title', 'Наименование'],
  ['periodStart', 'Год начала'],
  ['periodEnd', 'Год окончания'],
  ['goal', 'Цель'],
  ['tasks', 'Задачи'],
  ['expectedResults', 'Ожидаемые результаты'],
  ['legalBasis', 'Основание'],
  ['status', 'Статус'],
];

/** Parts are matched across editions by kind and printed code, or by title when uncoded. */
function nodeKey(node: ProgramNode): string {
  return node.code ? `${node.kind}|${node.code.replace(/\.$/, '')}` : `${node.kind}|title|${node.title}`;
}

function amountsByYear(detail: ProgramDetail): Map<string, Map<number, number>> {
  const years = programYears(detail.program.periodStart, detail.program.periodEnd);
  const totals = computeTotals(detail.nodes, effectiveCells(detail), years);
  const result = new Map<string, Map<number, number>>();
  for (const node of detail.nodes) {
    const amounts = totals.nodes.get(node.id)!.amounts;
    result.set(nodeKey(node), new Map(totals.years.map((year, i) => [year, amounts[i]])));
  }
  return result;
}

/** Year cells as the roll-up sees them: quarters replace their year where the roadmap has them. */
export function effectiveCells(detail: ProgramDetail): readonly AmountCell[] {
  // Without a roadmap the year cells are the financing itself: no copy of a large program's.
  if (detail.quarterly.length === 0) return detail.financing;
  const key = (r: { nodeId: number; year: number; source: string; organisationId: number | null }) =>
    `${r.nodeId}|${r.year}|${r.source}|${r.organisationId ?? ''}`;
  const quarterSums = new Map<string, (typeof detail.quarterly)[number] & { kopecks: number }>();
  for (const q of detail.quarterly) {
    const existing = quarterSums.get(key(q));
    quarterSums.set(key(q), { ...q, kopecks: (existing?.kopecks ?? 0) + q.kopecks });
  }
  return [...detail.financing.filter((f) => !quarterSums.has(key(f))), ...quarterSums.values()];
}

const show = (kopecks: number | undefined) => (kopecks === undefined || kopecks === 0 ? null : formatThousands(kopecks));

export function compareEditions(before: ProgramDetail, after: ProgramDetail): EditionChange[] {
  const changes: EditionChange[] = [];
  for (const [field, label] of PASSPORT_FIELDS) {
    const a = String(before.program[field] ?? '');
    const b = String(after.program[field] ?? '');
    if (a !== b) changes.push({ entity: 'program', place: 'Паспорт', field: label, before: a || null, after: b || null });
  }

  const beforeNodes = new Map(before.nodes.map((n) => [nodeKey(n), n]));
  const afterNodes = new Map(after.nodes.map((n) => [nodeKey(n), n]));
  for (const [key, node] of afterNodes) {
    const old = beforeNodes.get(key);
    if (!old) {
      changes.push({ entity: 'node', place: nodePlace(node), field: 'Часть программы', before: null, after: node.title });
      continue;
    }
    if (old.title !== node.title) changes.push({ entity: 'node', place: nodePlace(node), field: 'Наименование', before: old.title, after: node.title });
    if (old.expectedResult !== node.expectedResult) {
      changes.push({ entity: 'node', place: nodePlace(node), field: 'Ожидаемый результат', before: old.expectedResult || null, after: node.expectedResult || null });
    }
  }
  for (const [key, node] of beforeNodes) {
    if (!afterNodes.has(key)) changes.push({ entity: 'node', place: nodePlace(node), field: 'Часть программы', before: node.title, after: null });
  }

  const beforeAmounts = amountsByYear(before);
  const afterAmounts = amountsByYear(after);
  for (const node of after.nodes) {
    const key = nodeKey(node);
    const a = beforeAmounts.get(key) ?? new Map<number, number>();
    const b = afterAmounts.get(key)!;
    for (const year of [...new Set([...a.keys(), ...b.keys()])].sort()) {
      if ((a.get(year) ?? 0) !== (b.get(year) ?? 0)) {
        changes.push({ entity: 'financing', place: nodePlace(node), field: `${year} г., тыс. руб.`, before: show(a.get(year)), after: show(b.get(year)) });
      }
    }
  }

  const indicatorKey = (i: ProgramDetail['indicators'][number]) => i.code || i.name;
  const beforeIndicators = new Map(before.indicators.map((i) => [indicatorKey(i), i]));
  for (const indicator of after.indicators) {
    const old = beforeIndicators.get(indicatorKey(indicator));
    const place = `Показатель ${indicator.code} «${indicator.name.slice(0, 60)}»`;
    if (!old) {
      changes.push({ entity: 'indicator', place, field: 'Показатель', before: null, after: indicator.name });
      continue;
    }
    const plans = (i: typeof indicator) => new Map(i.values.filter((v) => v.type === 'plan' && v.period === 0).map((v) => [v.year, v.text]));
    const a = plans(old);
    const b = plans(indicator);
    for (const year of [...new Set([...a.keys(), ...b.keys()])].sort()) {
      if (a.get(year) !== b.get(year)) changes.push({ entity: 'indicator', place, field: `План ${year} г.`, before: a.get(year) ?? null, after: b.get(year) ?? null });
    }
  }
  return changes;
}
