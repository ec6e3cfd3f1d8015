// The open program: its detail, totals and findings, kept current after every edit. Every
// answer arrives as the renderer's own copy (IPC and the loopback bridge both copy it), so
// the store keeps what it is given and patches it rather than reload it.

import { ApiCallError } from '../../shared/api/client';
import type { CellUpdate } from '../../shared/api/contract';
import type { ProgramSummary } from '../../shared/domain';
import { foreseeAmount, movedUpdate, sameCell, withLaterAmounts, type AmountInFlight } from './amountsInFlight';
import { mergeCellFindings, patchDetailCells, patchRollup, patchTotals } from './cellPatch';
import type { ProgramSlice, SliceCreator, StoreState } from './types';

/** The roadmap year to show: this year when the program runs through it, else its first year. */
function defaultRoadmapYear(periodStart: number, periodEnd: number, current: number): number {
  if (current >= periodStart && current <= periodEnd) return current;
  const thisYear = new Date().getFullYear();
  return thisYear >= periodStart && thisYear <= periodEnd ? thisYear : periodStart;
}

function executorName(state: StoreState, organisationId: number | null): string {
  if (organisationId === null) return 'Исполнитель не указан';
  const organisation = state.detail?.organisations.find((o) => o.id === organisationId) ?? state.organisations.find((o) => o.id === organisationId);
  return organisation?.name ?? `Организация ${organisationId}`;
}

const isNotFound = (error: unknown) => error instanceof ApiCallError && error.error.code === 'notFound';

/** The programs list with the program's total as given; the same list when it already says so. */
function withProgramTotal(programs: ProgramSummary[], programId: number | null, total: number): ProgramSummary[] {
  if (!programs.some((p) => p.id === programId && p.totalKopecks !== total)) return programs;
  return programs.map((p) => (p.id === programId ? { ...p, totalKopecks: total } : p));
}

/** The open program with one cell and the totals it moved patched; its findings are left as they are. */
function patchedByCell(state: StoreState, update: CellUpdate, patchCell: boolean): Partial<StoreState> {
  return {
    detail: state.detail && patchCell ? patchDetailCells(state.detail, [update.cell]) : state.detail,
    totals: state.totals ? patchTotals(state.totals, update, executorName(state, update.cell.organisationId)) : null,
    programs: withProgramTotal(state.programs, state.programId, update.programYear.total),
  };
}

export const createProgramSlice: SliceCreator<ProgramSlice> = (set, get) => {
  /** Amounts shown before their saves answered, in the order the saves were sent. */
  const inFlight: AmountInFlight[] = [];

  /** Reloads totals and findings after edits whose effect the store cannot compute itself. */
  async function reloadDerived(programId: number): Promise<void> {
    try {
      const [totals, findings] = await Promise.all([get().api('totals/get', { programId }), get().api('findings/list', { programId })]);
      if (get().programId === programId) set({ totals, findings });
    } catch (error) {
      get().showError(error);
    }
  }

  async function amendmentStep(call: () => Promise<unknown>): Promise<string | null> {
    if (get().programId === null) return 'Программа не открыта';
    try {
      await call();
      get().noteEdit();
      await get().refreshProgram();
      return null;
    } catch (error) {
      if (error instanceof ApiCallError) return error.message;
      get().showError(error);
      return 'Не сохранено';
    }
  }

  return {
    programId: null,
    detail: null,
    totals: null,
    findings: [],
    organisations: [],

    async openProgram(id, screen = 'overview') {
      if (get().programId !== id) set({ programId: id, detail: null, totals: null, findings: [], focus: null });
      set({ screen });
      await get().refreshProgram();
    },

    closeProgram() {
      const screen = get().screen;
      set({ programId: null, detail: null, totals: null, findings: [], focus: null, screen: screen === 'import' ? 'import' : 'programs' });
    },

    async refreshProgram() {
      const programId = get().programId;
      if (programId === null) return;
      try {
        const api = get().api;
        const [detail, totals, findings, organisations] = await Promise.all([
          api('programs/get', { programId }),
          api('totals/get', { programId }),
          api('findings/list', { programId }),
          api('organisations/list', {}),
        ]);
        if (get().programId !== programId) return;
        const { periodStart, periodEnd } = detail.program;
        // What is reloaded shows no amount in flight: their answers bring the core's figures, and
        // a refusal has nothing to take back.
        inFlight.length = 0;
        set((state) => ({
          detail,
          totals,
          findings,
          organisations,
          roadmapYear: defaultRoadmapYear(periodStart, periodEnd, state.roadmapYear),
          programs: withProgramTotal(state.programs, programId, totals.program.total),
        }));
      } catch (error) {
        if (get().programId !== programId) return;
        if (isNotFound(error)) {
          get().closeProgram();
          get().showNotice('Открытой программы больше нет в базе (её создание или загрузка отменены).');
          return;
        }
        get().showError(error);
      }
    },

    showAmount(cell) {
      const { programId, detail, totals } = get();
      if (programId === null || !detail || !totals) return null;
      const { update, flight } = foreseeAmount(programId, detail, totals, cell);
      inFlight.push(flight);
      if (update) set((state) => patchedByCell(state, update, true));
      return flight;
    },

    applyCellUpdate(update, shown) {
      const at = shown ? inFlight.indexOf(shown) : -1;
      const later = at < 0 ? [] : inFlight.slice(at + 1).filter((flight) => flight.programId === shown!.programId);
      if (at >= 0) inFlight.splice(at, 1);
      if (!shown || shown.programId === get().programId) {
        // A later amount typed into the same cell stays shown; its own answer settles it.
        const patchCell = !later.some((flight) => sameCell(flight.cell, update.cell));
        set((state) => ({ ...patchedByCell(state, withLaterAmounts(update, later), patchCell), findings: mergeCellFindings(state.findings, update) }));
      }
      get().noteEdit();
    },

    withdrawAmount(shown) {
      const at = inFlight.indexOf(shown);
      if (at < 0) return;
      inFlight.splice(at, 1);
      const { programId, detail, totals } = get();
      if (shown.programId !== programId || !detail || !totals || !totals.years.includes(shown.cell.year)) return;
      // Unless a later amount was typed into the same cell meanwhile.
      const patchCell = !inFlight.slice(at).some((flight) => sameCell(flight.cell, shown.cell));
      const back = movedUpdate(totals, { ...shown.cell, kopecks: shown.before }, shown.nodeIds, -shown.delta);
      set((state) => patchedByCell(state, back, patchCell));
    },

    applyRollup(rollup, program, cells) {
      const programId = get().programId;
      set((state) => ({
        detail: state.detail && cells ? patchDetailCells(state.detail, cells) : state.detail,
        totals: state.totals ? patchRollup(state.totals, rollup, program) : null,
        programs: withProgramTotal(state.programs, state.programId, program.total),
      }));
      get().noteEdit();
      if (programId !== null) void reloadDerived(programId);
    },

    async updatePassport(changes) {
      const programId = get().programId;
      if (programId === null) return 'Программа не открыта';
      try {
        const program = await get().api('programs/update', { programId, changes });
        get().noteEdit();
        const detail = get().detail;
        if (get().programId === programId && detail) set({ detail: { ...detail, program } });
        // The passport names organisations, the period moves totals and findings, the title
        // and status show in the list: reload what depends on them.
        if ('periodStart' in changes || 'periodEnd' in changes || 'responsibleExecutorId' in changes || 'coExecutorIds' in changes || 'participantIds' in changes) {
          await get().refreshProgram();
        }
        if ('title' in changes || 'status' in changes || 'periodStart' in changes || 'periodEnd' in changes) await get().loadPrograms();
        return null;
      } catch (error) {
        if (error instanceof ApiCallError) return error.message;
        get().showError(error);
        return 'Не сохранено';
      }
    },

    async loadOrganisations() {
      try {
        set({ organisations: await get().api('organisations/list', {}) });
      } catch (error) {
        get().showError(error);
      }
    },

    async createOrganisation(name) {
      try {
        const organisation = await get().api('organisations/create', { name });
        get().noteEdit();
        set((state) => ({ organisations: [...state.organisations, organisation] }));
        return organisation;
      } catch (error) {
        if (error instanceof ApiCallError) return error.message;
        get().showError(error);
        return 'Не сохранено';
      }
    },

    async openAmendment(act) {
      return amendmentStep(() => get().api('amendments/open', { programId: get().programId!, ...act }));
    },

    async closeAmendment() {
      return amendmentStep(() => get().api('amendments/close', { programId: get().programId! }));
    },
  };
};
