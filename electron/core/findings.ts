// The checks the core runs over a whole program. Each finding names its place exactly.

import type { ProgramDetail, ProgramNode } from '../../shared/domain';
import { QUARTER_LABELS } from '../../shared/domain';
import type { Finding } from '../../shared/findings';
import { formatThousands } from '../../shared/money';
import { amountOfYear, programYears, type ProgramTotals } from './totals';

export function nodePlace(node: ProgramNode): string {
  const title = node.title.length > 60 ? `${node.title.slice(0, 57)}…` : node.title;
  return node.code ? `п. ${node.code} «${title}»` : `«${title}»`;
}

const money = (kopecks: number) => `${formatThousands(kopecks)} тыс. руб.`;

function organisationName(detail: ProgramDetail, id: number | null): string {
  if (id === null) return 'без исполнителя';
  return detail.organisations.find((o) => o.id === id)?.name ?? `организация ${id}`;
}

export function statedTotalFindings(detail: ProgramDetail, totals: ProgramTotals): Finding[] {
  const programId = detail.program.id;
  const nodes = new Map(detail.nodes.map((n) => [n.id, n]));
  const findings: Finding[] = [];
  for (const stated of detail.statedTotals) {
    const scope = stated.nodeId === null ? totals.program : totals.nodes.get(stated.nodeId);
    if (stated.nodeId !== null && !scope) continue;
    const breakdown =
      stated.organisationId === null ? scope : scope?.byExecutor.find((e) => e.organisationId === stated.organisationId);
    const computed = !breakdown ? 0 : stated.year === null ? breakdown.total : amountOfYear(totals, breakdown, stated.year);
    if (computed === stated.kopecks) continue;
    const node = stated.nodeId === null ? null : nodes.get(stated.nodeId)!;
    const part = node ? nodePlace(node) : 'программа в целом';
    const column = stated.year === null ? 'ИТОГО' : `${stated.year} г.`;
    const executor = stated.organisationId === null ? '' : `, ${organisationName(detail, stated.organisationId)}`;
    findings.push({
      code: 'statedTotalMismatch',
      severity: 'error',
      where: `${part}${executor}, ${column} (${stated.origin})`,
      message: `Указан итог ${money(stated.kopecks)}, а сумма по строкам — ${money(computed)} (разница ${money(stated.kopecks - computed)})`,
      target: {
        programId,
        ...(stated.nodeId !== null ? { nodeId: stated.nodeId } : {}),
        ...(stated.year !== null ? { year: stated.year } : {}),
        organisationId: stated.organisationId,
      },
    });
  }
  return findings;
}

export function quarterFindings(detail: ProgramDetail): Finding[] {
  // Nothing to compare without quarters; the look-up below would cost a key per amount.
  if (detail.quarterly.length === 0) return [];
  const programId = detail.program.id;
  const nodes = new Map(detail.nodes.map((n) => [n.id, n]));
  const quarterSums = new Map<string, number>();
  const key = (r: { nodeId: number; year: number; source: string; organisationId: number | null }) =>
    `${r.nodeId}|${r.year}|${r.source}|${r.organisationId ?? ''}`;
  for (const q of detail.quarterly) quarterSums.set(key(q), (quarterSums.get(key(q)) ?? 0) + q.kopecks);
  const findings: Finding[] = [];
  for (const plan of detail.financing) {
    const sum = quarterSums.get(key(plan));
    if (sum === undefined || sum === plan.kopecks) continue;
    const node = nodes.get(plan.nodeId)!;
    findings.push({
      code: 'quartersMismatch',
      severity: 'error',
      where: `${nodePlace(node)}, ${plan.year} г., ${organisationName(detail, plan.organisationId)}`,
      message: `Сумма по кварталам (${Object.values(QUARTER_LABELS).join(', ')}) — ${money(sum)}, а план года — ${money(plan.kopecks)}`,
      target: { programId, nodeId: plan.nodeId, year: plan.year, organisationId: plan.organisationId, source: plan.source },
    });
  }
  return findings;
}

export function periodFindings(detail: ProgramDetail): Finding[] {
  const { program } = detail;
  const nodes = new Map(detail.nodes.map((n) => [n.id, n]));
  const reported = new Set<string>();
  const findings: Finding[] = [];
  for (const rows of [detail.financing, detail.quarterly]) {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row.kopecks === 0 || (row.year >= program.periodStart && row.year <= program.periodEnd)) continue;
      const key = `${row.nodeId}|${row.year}`;
      if (reported.has(key)) continue;
      reported.add(key);
      findings.push({
        code: 'outsidePeriod',
        severity: 'error',
        where: `${nodePlace(nodes.get(row.nodeId)!)}, ${row.year} г.`,
        message: `Финансирование на ${row.year} год вне срока программы (${program.periodStart}–${program.periodEnd})`,
        target: { programId: program.id, nodeId: row.nodeId, year: row.year },
      });
    }
  }
  return findings;
}

export function indicatorFindings(detail: ProgramDetail): Finding[] {
  const { program } = detail;
  const findings: Finding[] = [];
  for (const indicator of detail.indicators) {
    const planned = new Set(indicator.values.filter((v) => v.type === 'plan' && v.period === 0).map((v) => v.year));
    const missing = programYears(program.periodStart, program.periodEnd).filter((year) => !planned.has(year));
    for (const year of missing) {
      findings.push({
        code: 'indicatorWithoutPlan',
        severity: 'warning',
        where: `Показатель ${indicator.code ? `${indicator.code} ` : ''}«${indicator.name.slice(0, 60)}», ${year} г.`,
        message: `Нет планового значения на ${year} год (если значения нет, укажите «-» или «x»)`,
        target: { programId: program.id, indicatorId: indicator.id, year },
      });
    }
  }
  return findings;
}

export function executorFindings(detail: ProgramDetail): Finding[] {
  const withExecutorInMoney = new Set<number>();
  const financing = detail.financing;
  for (let i = 0; i < financing.length; i++) if (financing[i].organisationId !== null) withExecutorInMoney.add(financing[i].nodeId);
  const hasChildren = new Set(detail.nodes.map((n) => n.parentId));
  return detail.nodes
    .filter((node) => (node.kind === 'activity' || (node.kind === 'mainActivity' && !hasChildren.has(node.id))))
    .filter((node) => node.executors.length === 0 && !withExecutorInMoney.has(node.id))
    .map((node) => ({
      code: 'activityWithoutExecutor' as const,
      severity: 'warning' as const,
      where: nodePlace(node),
      message: 'Не указан ответственный исполнитель (соисполнитель, участник)',
      target: { programId: detail.program.id, nodeId: node.id },
    }));
}

export function ownAmountFindings(detail: ProgramDetail, totals: ProgramTotals): Finding[] {
  return detail.nodes
    .filter((node) => totals.nodes.get(node.id)?.hasOwnAmounts)
    .map((node) => ({
      code: 'parentHasOwnAmounts' as const,
      severity: 'warning' as const,
      where: nodePlace(node),
      message: 'У части программы есть и собственные суммы, и вложенные мероприятия: её итог включает и то и другое',
      target: { programId: detail.program.id, nodeId: node.id },
    }));
}

export function programFindings(detail: ProgramDetail, totals: ProgramTotals): Finding[] {
  return [
    ...statedTotalFindings(detail, totals),
    ...quarterFindings(detail),
    ...periodFindings(detail),
    ...ownAmountFindings(detail, totals),
    ...executorFindings(detail),
    ...indicatorFindings(detail),
  ];
}
