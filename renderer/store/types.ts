// The shape of the one store. Each slice declares its state and the actions that change it;
// the store composes them (store/index.ts), and every action is reachable from the root.

import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../shared/api/client';
import type { CellUpdate, RequestOf, TotalsView, YearAmounts } from '../../shared/api/contract';
import type { Organisation, Passport, Program, ProgramDetail, ProgramSummary } from '../../shared/domain';
import type { Finding } from '../../shared/findings';
import type { AmountInFlight } from './amountsInFlight';

export const SCREENS = ['programs', 'overview', 'passport', 'structure', 'roadmap', 'indicators', 'findings', 'amendments', 'import', 'export'] as const;
export type Screen = (typeof SCREENS)[number];

/** The cell or row a screen should bring into view and select. */
export interface Focus {
  nodeId?: number;
  indicatorId?: number;
  year?: number;
  quarter?: number;
}

export interface Task {
  id: number;
  label: string;
  /** 0…1, or null while the share done is unknown. */
  progress: number | null;
  cancellable: boolean;
  cancelling: boolean;
  controller: AbortController;
}

export type TaskWork<T> = (signal: AbortSignal, progress: (fraction: number | null) => void) => Promise<T>;

export interface ApiSlice {
  /** Set once at start-up; tests put in a client over a real dispatcher. */
  api: ApiClient;
}

export interface ProgramsSlice {
  programs: ProgramSummary[];
  /** False until the first list arrived: an empty workspace is told from a slow one. */
  programsLoaded: boolean;
  loadPrograms(): Promise<void>;
  /** Creates the program and opens its passport; null when refused (the error is shown). */
  createProgram(passport: RequestOf<'programs/create'>): Promise<Program | null>;
  duplicateProgram(id: number): Promise<Program | null>;
  deleteProgram(id: number): Promise<boolean>;
  /** Imports the demonstration program that ships with the app and opens it. */
  openDemoProgram(): Promise<Program | null>;
}

export interface ProgramSlice {
  programId: number | null;
  detail: ProgramDetail | null;
  totals: TotalsView | null;
  findings: Finding[];
  /** Every organisation of the workspace, for choosing executors. */
  organisations: Organisation[];
  openProgram(id: number, screen?: Screen): Promise<void>;
  closeProgram(): void;
  /** Reloads detail, totals and findings of the open program. */
  refreshProgram(): Promise<void>;
  /**
   * Shows a typed amount and the totals it moves at once, before its save answers
   * (amountsInFlight.ts); null when no program is open.
   */
  showAmount(cell: CellUpdate['cell']): AmountInFlight | null;
  /**
   * After financing/set-year or set-quarter: patches the cell, the totals it moved and its
   * findings; `shown` is what showAmount returned for the same cell.
   */
  applyCellUpdate(update: CellUpdate, shown?: AmountInFlight | null): void;
  /** The save of a shown amount was refused: the amount and the totals it moved go back. */
  withdrawAmount(shown: AmountInFlight): void;
  /**
   * After financing/set-many: patches the year amounts and totals the response lists, and
   * the written cells when given; breakdowns and findings are then reloaded in the background.
   */
  applyRollup(rollup: CellUpdate['rollup'], program: { years: YearAmounts; total: number }, cells?: CellUpdate['cell'][]): void;
  /** Saves passport fields at once; returns the refusal's message, or null when saved. */
  updatePassport(changes: Partial<Passport>): Promise<string | null>;
  loadOrganisations(): Promise<void>;
  /** Returns the refusal's message when the name was refused. */
  createOrganisation(name: string): Promise<Organisation | string>;
  /** Opens an amendment of the open program: edits from now on are attributed to it. */
  openAmendment(act: Omit<RequestOf<'amendments/open'>, 'programId'>): Promise<string | null>;
  closeAmendment(): Promise<string | null>;
}

export interface HistorySlice {
  canUndo: boolean;
  canRedo: boolean;
  /** What Ctrl+Z / Ctrl+Y would undo or redo, as the journal words it. */
  undoLabel: string | null;
  redoLabel: string | null;
  undo(): Promise<void>;
  redo(): Promise<void>;
  refreshHistory(): Promise<void>;
  /** An edit was just saved: undo becomes possible and redo is gone. */
  noteEdit(): void;
}

export interface UiSlice {
  screen: Screen;
  setScreen(screen: Screen): void;
  roadmapYear: number;
  setRoadmapYear(year: number): void;
  focus: Focus | null;
  setFocus(focus: Focus | null): void;
  /** Opens the screen that shows the finding's cell and focuses the cell. */
  focusFinding(finding: Finding): void;
  notice: string | null;
  error: string | null;
  showNotice(text: string): void;
  /** An ApiCallError's message as it comes; anything else as a calm generic sentence. */
  showError(error: unknown): void;
  dismissMessages(): void;
  tasks: Task[];
  /**
   * Runs long work with a progress bar and «Прервать». Resolves with the work's result, or
   * undefined when it was cancelled or failed (the store has then said so). The work must
   * leave nothing half-done when its signal aborts.
   */
  runTask<T>(label: string, work: TaskWork<T>, options?: { cancellable?: boolean }): Promise<T | undefined>;
  cancelTask(id: number): void;
}

export type StoreState = ApiSlice & ProgramsSlice & ProgramSlice & HistorySlice & UiSlice;

export type SliceCreator<Slice> = StateCreator<StoreState, [], [], Slice>;
