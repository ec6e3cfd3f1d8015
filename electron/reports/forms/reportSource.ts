// Everything a form is filled from, gathered once per export: the whole program, its
// roll-ups, and lookups the builders share (executor labels, amendment notes).

import { amendmentNote } from '../../../shared/amendmentNote';
import type { Amendment, AmendmentEntity, ProgramDetail, ProgramNode, Source } from '../../../shared/domain';
import { SOURCE_LABELS } from '../../../shared/domain';
import { buildProgramTree, type ProgramTree } from '../../../shared/programTree';
import { effectiveCells } from '../../core/editionDiff';
import { computeTotals, programYears, type ProgramTotals } from '../../core/totals';

export interface ReportSource {
  detail: ProgramDetail;
  totals: ProgramTotals;
  tree: ProgramTree<ProgramNode>;
  years: number[];
  organisationName(id: number | null): string;
  /** The executor as this part's row prints it. */
  executorLabel(node: ProgramNode | null, organisationId: number | null): string;
  sourceLabel(source: Source): string;
  /** The note of the latest amendment that changed the entity: «(п. 1.1 в ред. …)». */
  amendmentNoteFor(entity: AmendmentEntity, id: number, code?: string): string | null;
}

export function reportSource(detail: ProgramDetail): ReportSource {
  const years = programYears(detail.program.periodStart, detail.program.periodEnd);
  const totals = computeTotals(detail.nodes, effectiveCells(detail), years);
  const organisations = new Map(detail.organisations.map((o) => [o.id, o]));
  const latest = new Map<string, Amendment>();
  for (const amendment of [...detail.amendments].sort((a, b) => a.date.localeCompare(b.date))) {
    for (const target of amendment.targets) latest.set(`${target.entity}|${target.entityId}`, amendment);
  }
  const organisationName = (id: number | null) => (id === null ? '' : (organisations.get(id)?.name ?? ''));
  // Tables print an executor the short way the documents do: «УОиМП», not the full name.
  const shortName = (id: number | null) => (id === null ? '' : (organisations.get(id)?.abbreviation ?? organisationName(id)));
  return {
    detail,
    totals,
    tree: buildProgramTree(detail.nodes),
    years,
    organisationName,
    executorLabel(node, organisationId) {
      const executor = node?.executors.find((e) => e.organisationId === organisationId);
      return executor?.label ?? shortName(organisationId);
    },
    sourceLabel: (source) => detail.program.sourceLabels[source] ?? SOURCE_LABELS[source],
    amendmentNoteFor(entity, id, code) {
      const amendment = latest.get(`${entity}|${entity === 'program' ? detail.program.id : id}`);
      return amendment ? amendmentNote(amendment, code) : null;
    },
  };
}

/** «Муниципальная программа «Цифровизация городской среды»» */
export function programName(detail: ProgramDetail): string {
  const kind = detail.program.level === 'regional' ? 'Государственная программа' : 'Муниципальная программа';
  return `${kind} «${detail.program.title}»`;
}

/** «2022 - 2030 годы», «2024 год» */
export function periodText(start: number | null, end: number | null): string {
  if (start === null) return '';
  return end === null || end === start ? `${start} год` : `${start} - ${end} годы`;
}
