// The vocabulary of a municipal program, shared by the core, the renderer and the reports.
// Pure TypeScript: no Node, DOM or Electron imports.

import type { Comparator, IndicatorValue, ValueMark } from './indicatorValue';

export const PROGRAM_LEVELS = ['municipal', 'regional'] as const;
export type ProgramLevel = (typeof PROGRAM_LEVELS)[number];

export const PROGRAM_STATUSES = ['draft', 'approved', 'active', 'completed', 'archived'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];
export const PROGRAM_STATUS_LABELS: Record<ProgramStatus, string> = {
  draft: 'Проект',
  approved: 'Утверждена',
  active: 'Реализуется',
  completed: 'Завершена',
  archived: 'В архиве',
};

/** подпрограмма / задача / основное мероприятие / мероприятие / стандартная процедура */
export const NODE_KINDS = ['subprogram', 'task', 'mainActivity', 'activity', 'step'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export const NODE_KIND_LABELS: Record<NodeKind, string> = {
  subprogram: 'Подпрограмма',
  task: 'Задача',
  mainActivity: 'Основное мероприятие',
  activity: 'Мероприятие',
  step: 'Стандартная процедура',
};

/** Sources of financing; the local budget's printed name is set per program («бюджет города Рязани»). */
export const SOURCES = ['local', 'regional', 'federal', 'offBudget', 'none'] as const;
export type Source = (typeof SOURCES)[number];
export const SOURCE_LABELS: Record<Source, string> = {
  local: 'Местный бюджет',
  regional: 'Областной бюджет',
  federal: 'Федеральный бюджет',
  offBudget: 'Внебюджетные источники',
  none: 'Без финансирования',
};

export const DIRECTIONS = ['up', 'down'] as const;
/** рост (more is better) / снижение (less is better) */
export type Direction = (typeof DIRECTIONS)[number];

export const INDICATOR_KINDS = ['main', 'additional'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const QUARTERS = [1, 2, 3, 4] as const;
export type Quarter = (typeof QUARTERS)[number];
export const QUARTER_LABELS: Record<Quarter, string> = { 1: 'I квартал', 2: 'II квартал', 3: 'III квартал', 4: 'IV квартал' };

/** A value's period: the whole year (0) or a quarter. */
export type ValuePeriod = 0 | Quarter;
export type ValueType = 'plan' | 'fact';

export const PARTICIPANT_ROLES = ['coExecutor', 'participant'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export interface Organisation {
  id: number;
  name: string;
  abbreviation: string | null;
  /** Other spellings of the same body met in documents. */
  aliases: string[];
}

export interface Passport {
  title: string;
  level: ProgramLevel;
  status: ProgramStatus;
  periodStart: number;
  periodEnd: number;
  responsibleExecutorId: number | null;
  coExecutorIds: number[];
  participantIds: number[];
  goal: string;
  tasks: string;
  expectedResults: string;
  legalBasis: string;
  /** Printed names of sources for this program, e.g. { local: 'бюджет города Рязани' }. */
  sourceLabels: Partial<Record<Source, string>>;
}

export interface Program extends Passport {
  id: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProgramSummary {
  id: number;
  title: string;
  level: ProgramLevel;
  status: ProgramStatus;
  periodStart: number;
  periodEnd: number;
  totalKopecks: number;
}

export interface NodeExecutor {
  organisationId: number;
  /** The executor as the document writes it for this row, when it differs from the name. */
  label: string | null;
}

export interface ProgramNode {
  id: number;
  parentId: number | null;
  kind: NodeKind;
  /** As printed: «I», «1.», «1.1», «01», «E4», «1.1.1». */
  code: string;
  title: string;
  position: number;
  periodStart: number | null;
  periodEnd: number | null;
  expectedResult: string;
  /** Deadline of a roadmap step, yyyy-mm-dd. */
  deadline: string | null;
  /** A responsible person's name as free text («Запольский О.К.»). */
  responsiblePerson: string | null;
  /** The source the part's row prints («Без финансирования» for a part with no money). */
  source: Source | null;
  executors: NodeExecutor[];
}

export interface FinancingRow {
  nodeId: number;
  year: number;
  source: Source;
  organisationId: number | null;
  kopecks: number;
}

export interface QuarterlyRow extends FinancingRow {
  quarter: Quarter;
}

export interface BudgetRow {
  year: number;
  source: Source;
  kopecks: number;
}

/** A total printed in a document, kept to be checked against the computed one. */
export interface StatedTotal {
  /** null: the whole program. */
  nodeId: number | null;
  /** null: the ИТОГО column. */
  year: number | null;
  /** null: «Всего» over all executors. */
  organisationId: number | null;
  kopecks: number;
  /** Where it was read: «Таблица 4, строка 12, столбец «2023 г.»». */
  origin: string;
}

export interface IndicatorValueRow extends IndicatorValue {
  year: number;
  period: ValuePeriod;
  type: ValueType;
  /** Date of a fact (yyyy-mm-dd). */
  date: string | null;
  comment: string | null;
}

export interface Indicator {
  id: number;
  /** As printed: «1.1.», «3.1». */
  code: string;
  name: string;
  unit: string;
  direction: Direction;
  cumulative: boolean;
  kind: IndicatorKind;
  territory: string | null;
  note: string | null;
  /** The task the indicator sits under in Table 1. */
  taskNodeId: number | null;
  base: IndicatorValue | null;
  baseYear: number | null;
  baseDate: string | null;
  position: number;
  values: IndicatorValueRow[];
  /** Parts linked to it (Table 2: «связь с целевыми показателями»). */
  nodeIds: number[];
}

export const AMENDMENT_ENTITIES = ['program', 'node', 'indicator'] as const;
export type AmendmentEntity = (typeof AMENDMENT_ENTITIES)[number];

export interface AmendmentTarget {
  entity: AmendmentEntity;
  entityId: number;
}

/** A legal act that changed the program (редакция). */
export interface Amendment {
  id: number;
  /** «Постановление», «Распоряжение», «Решение». */
  actKind: string;
  /** In the genitive, as notes print it: «Администрации города Рязани». */
  issuer: string;
  number: string;
  /** yyyy-mm-dd */
  date: string;
  title: string;
  status: 'open' | 'closed';
  targets: AmendmentTarget[];
}

/** The whole program: what `programs/get` returns and what export-json writes. */
export interface ProgramDetail {
  program: Program;
  /** The organisations the program refers to. */
  organisations: Organisation[];
  nodes: ProgramNode[];
  /** programs/get lists the amounts ordered by part id; the renderer's patches keep that order. */
  financing: FinancingRow[];
  quarterly: QuarterlyRow[];
  budget: BudgetRow[];
  statedTotals: StatedTotal[];
  indicators: Indicator[];
  amendments: Amendment[];
}

export type { Comparator, IndicatorValue, ValueMark };
