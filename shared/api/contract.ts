// The one API of Munplan: name → request validator and response type. Electron IPC, the
// command line, the loopback bridge and the tests all call these names and nothing else.

import { z } from 'zod';
import type {
  Amendment,
  Indicator,
  Organisation,
  Program,
  ProgramDetail,
  ProgramNode,
  ProgramSummary,
  Source,
} from '../domain';
import type { Finding } from '../findings';
import type { ProgramDocument } from '../programDocument';
import {
  amendmentTarget,
  editionRef,
  financingCell,
  id,
  indicatorFields,
  indicatorValueInput,
  amount,
  newPassport,
  nodeFields,
  passportChanges,
  source,
  year,
} from './schemas';

/** Kopecks by year, keyed by the year as text (JSON has no number keys). */
export type YearAmounts = Record<string, number>;

/** Kopecks per year aligned with TotalsView.years, and their sum. */
export interface TotalsLine {
  amounts: number[];
  total: number;
  byExecutor: { organisationId: number | null; executor: string; amounts: number[]; total: number }[];
  bySource: { source: Source; amounts: number[]; total: number }[];
}

export interface TotalsView {
  years: number[];
  program: TotalsLine;
  nodes: (TotalsLine & { nodeId: number; code: string; kind: ProgramNode['kind']; title: string })[];
}

/** What a grid needs after one cell changed: the cell, its parts' new totals, its findings. */
export interface CellUpdate {
  cell: { nodeId: number; year: number; quarter?: number; source: Source; organisationId: number | null; kopecks: number | null };
  /** The year's effective amount of the edited part and every ancestor, nearest first. */
  rollup: { nodeId: number; year: number; kopecks: number; total: number }[];
  programYear: { year: number; kopecks: number; total: number };
  findings: Finding[];
}

export interface EditEntry {
  id: number;
  at: string;
  action: string;
  summary: string;
  programId: number | null;
  amendmentId: number | null;
  state: 'done' | 'undone' | 'discarded';
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
}

export interface Edition {
  ref: z.infer<typeof editionRef>;
  label: string;
  takenAt: string | null;
}

export interface EditionChange {
  entity: 'program' | 'node' | 'indicator' | 'financing';
  /** The part or indicator as printed: «п. 2.1.1 «…»». */
  place: string;
  field: string;
  before: string | null;
  after: string | null;
}

// Curried so the response type is written while the request type is inferred from its schema.
export interface ImportCounts {
  programs: number;
  nodes: number;
  indicators: number;
  amounts: number;
  statedTotals: number;
  budget: number;
  organisations: number;
  amendments: number;
}

export interface ImportFinding {
  severity: 'error' | 'warning';
  /** File, table or sheet, row and column. */
  where: string;
  message: string;
}

/** What an import would do, measured by writing it and rolling back. */
export interface ImportPreview {
  previewId: string;
  file: string;
  /** The program imported into, or null for a new one. */
  target: { programId: number; title: string } | null;
  programTitle: string;
  period: [number, number];
  tables: { table: string; kind: string; label: string; confidence: number; rows: number }[];
  created: ImportCounts;
  matched: { nodes: number; indicators: number };
  /** For an import into an existing program: what it would change. */
  changes: EditionChange[];
  findings: ImportFinding[];
}

export interface ImportResult {
  programId: number;
  created: ImportCounts;
}

export const REPORT_KINDS = ['passport', 'indicators', 'activities', 'budget', 'resources', 'roadmap', 'planfact', 'maturity'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_LABELS: Record<ReportKind, string> = {
  passport: 'Паспорт программы',
  indicators: 'Таблица 1. Целевые показатели',
  activities: 'Таблица 2. Основные мероприятия',
  budget: 'Таблица 3. Бюджетные ассигнования',
  resources: 'Таблица 4. Ресурсное обеспечение',
  roadmap: 'Дорожная карта по кварталам',
  planfact: 'Сведения о достижении показателей (план/факт)',
  maturity: 'Дорожная карта цифровой зрелости',
};
export const REPORT_FORMATS = ['docx', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const endpoint =
  <Response>() =>
  <Request extends z.ZodType>(request: Request) => ({ request, response: null as unknown as Response });
const none = z.strictObject({});
const programRef = z.strictObject({ programId: id });

export const contract = {
  'programs/list': endpoint<ProgramSummary[]>()(none),
  'programs/create': endpoint<Program>()(newPassport),
  'programs/get': endpoint<ProgramDetail>()(programRef),
  'programs/update': endpoint<Program>()(
    z.strictObject({ programId: id, changes: passportChanges }),
  ),
  'programs/delete': endpoint<{ deleted: number }>()(programRef),
  'programs/duplicate': endpoint<Program>()(
    z.strictObject({ programId: id, title: z.string().min(1).max(2000).optional() }),
  ),

  'nodes/create': endpoint<ProgramNode>()(
    z.strictObject({
      programId: id,
      parentId: id.nullable(),
      /** Absent: after the last child. */
      position: z.number().int().min(0).optional(),
      kind: nodeFields.kind,
      title: nodeFields.title,
      code: nodeFields.code.default(''),
      periodStart: nodeFields.periodStart.default(null),
      periodEnd: nodeFields.periodEnd.default(null),
      expectedResult: nodeFields.expectedResult.default(''),
      deadline: nodeFields.deadline.default(null),
      responsiblePerson: nodeFields.responsiblePerson.default(null),
      source: nodeFields.source.default(null),
      executors: nodeFields.executors.default([]),
    }),
  ),
  'nodes/update': endpoint<ProgramNode>()(
    z.strictObject({ nodeId: id, changes: z.strictObject(nodeFields).partial() }),
  ),
  'nodes/move': endpoint<ProgramNode>()(
    z.strictObject({ nodeId: id, parentId: id.nullable(), position: z.number().int().min(0) }),
  ),
  'nodes/delete': endpoint<{ deletedNodes: number }>()(z.strictObject({ nodeId: id })),

  'organisations/list': endpoint<Organisation[]>()(none),
  'organisations/create': endpoint<Organisation>()(
    z.strictObject({
      name: z.string().trim().min(1).max(1000),
      abbreviation: z.string().max(200).nullable().default(null),
      aliases: z.array(z.string().trim().min(1).max(1000)).max(100).default([]),
    }),
  ),
  'organisations/update': endpoint<Organisation>()(
    z.strictObject({
      organisationId: id,
      changes: z
        .strictObject({
          name: z.string().trim().min(1).max(1000),
          abbreviation: z.string().max(200).nullable(),
          aliases: z.array(z.string().trim().min(1).max(1000)).max(100),
        })
        .partial(),
    }),
  ),

  'indicators/create': endpoint<Indicator>()(
    z.strictObject({
      programId: id,
      name: indicatorFields.name,
      code: indicatorFields.code.default(''),
      unit: indicatorFields.unit.default(''),
      direction: indicatorFields.direction.default('up'),
      cumulative: indicatorFields.cumulative.default(false),
      kind: indicatorFields.kind.default('main'),
      territory: indicatorFields.territory.default(null),
      note: indicatorFields.note.default(null),
      taskNodeId: indicatorFields.taskNodeId.default(null),
      base: indicatorFields.base.default(null),
      baseYear: indicatorFields.baseYear.default(null),
      baseDate: indicatorFields.baseDate.default(null),
    }),
  ),
  'indicators/update': endpoint<Indicator>()(
    z.strictObject({ indicatorId: id, changes: z.strictObject(indicatorFields).partial() }),
  ),
  'indicators/delete': endpoint<{ deleted: number }>()(z.strictObject({ indicatorId: id })),
  'indicators/set-values': endpoint<Indicator>()(
    z.strictObject({ indicatorId: id, values: z.array(indicatorValueInput).min(1).max(1000) }),
  ),
  'indicators/link': endpoint<Indicator>()(
    z.strictObject({ indicatorId: id, nodeIds: z.array(id).max(1000) }),
  ),

  'financing/set-year': endpoint<CellUpdate>()(financingCell.omit({ quarter: true })),
  'financing/set-quarter': endpoint<CellUpdate>()(
    financingCell.required({ quarter: true }),
  ),
  /** A pasted block: every cell or none, one undo step. */
  'financing/set-many': endpoint<{
    updated: number;
    rollup: CellUpdate['rollup'];
    program: { years: YearAmounts; total: number };
    findings: Finding[];
  }>()(
    z.strictObject({ programId: id, cells: z.array(financingCell).min(1).max(200_000) }),
  ),
  'budget/set': endpoint<{ year: number; source: Source; kopecks: number | null }>()(
    z.strictObject({ programId: id, year, source, amount: amount.nullable() }),
  ),

  'amendments/open': endpoint<Amendment>()(
    z.strictObject({
      programId: id,
      actKind: z.string().trim().min(1).max(200).default('Постановление'),
      issuer: z.string().trim().min(1).max(1000),
      number: z.string().trim().min(1).max(100),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ожидалась дата в виде ГГГГ-ММ-ДД'),
      title: z.string().max(2000).default(''),
    }),
  ),
  'amendments/close': endpoint<Amendment>()(programRef),
  'amendments/list': endpoint<Amendment[]>()(programRef),
  'amendments/mark': endpoint<Amendment>()(
    z.strictObject({ amendmentId: id, targets: z.array(amendmentTarget).min(1).max(10_000) }),
  ),
  'amendments/editions': endpoint<Edition[]>()(programRef),
  'amendments/compare': endpoint<{ from: string; to: string; changes: EditionChange[] }>()(
    z.strictObject({ programId: id, from: editionRef, to: editionRef }),
  ),

  'history/undo': endpoint<{ edit: EditEntry | null } & HistoryState>()(none),
  'history/redo': endpoint<{ edit: EditEntry | null } & HistoryState>()(none),
  'history/list': endpoint<{ edits: EditEntry[] } & HistoryState>()(
    z.strictObject({ programId: id.nullable().default(null), limit: z.number().int().min(1).max(1000).default(100) }),
  ),

  'totals/get': endpoint<TotalsView>()(programRef),
  'findings/list': endpoint<Finding[]>()(programRef),

  'transfer/export-json': endpoint<ProgramDocument>()(programRef),
  'transfer/import-json': endpoint<Program>()(z.strictObject({ document: z.unknown() })),

  /** The file's bytes travel as base64: the renderer has no file system, the CLI reads the file. */
  'import/preview': endpoint<ImportPreview>()(
    z.strictObject({
      fileName: z.string().min(1).max(500),
      data: z.string().max(70_000_000),
      programId: id.nullable().default(null),
    }),
  ),
  'import/commit': endpoint<ImportResult>()(z.strictObject({ previewId: z.string().uuid() })),
  'import/discard': endpoint<{ discarded: boolean }>()(z.strictObject({ previewId: z.string().uuid() })),

  /** Writes the report to a file (the app's save dialog or the CLI chose it). */
  'reports/export': endpoint<{ file: string; bytes: number }>()(
    z.strictObject({
      programId: id,
      report: z.enum(REPORT_KINDS, { error: (issue) => `неизвестный отчёт «${String(issue.input)}»; есть: ${REPORT_KINDS.join(', ')}` }),
      format: z.enum(REPORT_FORMATS, { error: (issue) => `неизвестный формат «${String(issue.input)}»; есть: docx, pdf, xlsx` }),
      year: year.nullable().default(null),
      file: z.string().min(1).max(4096),
    }),
  ),
  /** The report's bytes as base64, for a browser that saves files itself. */
  'reports/render': endpoint<{ fileName: string; data: string }>()(
    z.strictObject({
      programId: id,
      report: z.enum(REPORT_KINDS),
      format: z.enum(REPORT_FORMATS),
      year: year.nullable().default(null),
    }),
  ),

  'database/backup': endpoint<{ file: string; bytes: number }>()(
    z.strictObject({ file: z.string().min(1).max(4096) }),
  ),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type RequestOf<Name extends MethodName> = z.input<Contract[Name]['request']>;
export type ValidRequestOf<Name extends MethodName> = z.output<Contract[Name]['request']>;
export type ResponseOf<Name extends MethodName> = Contract[Name]['response'];

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
