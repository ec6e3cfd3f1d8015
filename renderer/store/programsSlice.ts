// The list of programs in the workspace and what is done to a program as a whole.

import { throwIfCancelled } from './messages';
import type { ProgramsSlice, SliceCreator } from './types';

/** The demonstration program: seed 003 (Ryazan) as a program file, bundled as its own chunk. */
async function loadDemoDocument(): Promise<unknown> {
  const module = await import('../../resources/demo/ryazan.munplan.json');
  return module.default;
}

export const createProgramsSlice: SliceCreator<ProgramsSlice> = (set, get) => ({
  programs: [],
  programsLoaded: false,

  async loadPrograms() {
    try {
      const programs = await get().api('programs/list', {});
      set({ programs, programsLoaded: true });
    } catch (error) {
      get().showError(error);
    }
  },

  async createProgram(passport) {
    try {
      const program = await get().api('programs/create', passport);
      get().noteEdit();
      await get().loadPrograms();
      await get().openProgram(program.id, 'passport');
      get().showNotice(`Создана программа «${program.title}»`);
      return program;
    } catch (error) {
      get().showError(error);
      return null;
    }
  },

  async duplicateProgram(id) {
    try {
      const copy = await get().api('programs/duplicate', { programId: id });
      get().noteEdit();
      await get().loadPrograms();
      get().showNotice(`Создана копия: «${copy.title}»`);
      return copy;
    } catch (error) {
      get().showError(error);
      return null;
    }
  },

  async deleteProgram(id) {
    try {
      const title = get().programs.find((p) => p.id === id)?.title;
      await get().api('programs/delete', { programId: id });
      get().noteEdit();
      if (get().programId === id) get().closeProgram();
      await get().loadPrograms();
      get().showNotice(`Программа${title ? ` «${title}»` : ''} удалена. Вернуть её можно кнопкой «Отменить» (Ctrl+Z).`);
      return true;
    } catch (error) {
      get().showError(error);
      return false;
    }
  },

  async openDemoProgram() {
    const program = await get().runTask(
      'Открытие демонстрационной программы',
      async (signal, progress) => {
        const document = await loadDemoDocument();
        throwIfCancelled(signal);
        progress(0.5);
        // One transaction: the program lands whole, and past this point it is there.
        return get().api('transfer/import-json', { document });
      },
      { cancellable: false },
    );
    if (!program) return null;
    get().noteEdit();
    await get().loadPrograms();
    await get().openProgram(program.id, 'overview');
    get().showNotice(`Открыта демонстрационная программа «${program.title}». Её можно менять и удалять — это ваша копия.`);
    return program;
  },
});
