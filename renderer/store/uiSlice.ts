// What the window shows: the screen, the focused cell, messages, and long work in progress.

import type { Finding } from '../../shared/findings';
import { isCancellation, messageOf } from './messages';
import type { Focus, Screen, SliceCreator, UiSlice } from './types';

let taskSequence = 0;

/** The screen that shows a finding's cell, and the cell to focus there. */
export function placeOfFinding(finding: Finding): { screen: Screen; focus: Focus } {
  const { nodeId, indicatorId, year, quarter } = finding.target;
  const focus: Focus = {
    ...(nodeId !== undefined ? { nodeId } : {}),
    ...(indicatorId !== undefined ? { indicatorId } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(quarter !== undefined ? { quarter } : {}),
  };
  if (indicatorId !== undefined) return { screen: 'indicators', focus };
  // Quarters against their year are seen and fixed in the quarterly roadmap.
  if (quarter !== undefined || finding.code === 'quartersMismatch') return { screen: 'roadmap', focus };
  return { screen: 'structure', focus };
}

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  screen: 'programs',
  setScreen: (screen) => set({ screen }),
  roadmapYear: new Date().getFullYear(),
  setRoadmapYear: (roadmapYear) => set({ roadmapYear }),
  focus: null,
  setFocus: (focus) => set({ focus }),

  focusFinding(finding) {
    const { screen, focus } = placeOfFinding(finding);
    const roadmapYear = screen === 'roadmap' && focus.year !== undefined ? { roadmapYear: focus.year } : {};
    if (finding.target.programId !== get().programId) {
      void get()
        .openProgram(finding.target.programId, screen)
        .then(() => set({ focus, ...roadmapYear }));
      return;
    }
    set({ screen, focus, ...roadmapYear });
  },

  notice: null,
  error: null,
  showNotice: (notice) => set({ notice, error: null }),
  showError: (error) => set({ error: messageOf(error), notice: null }),
  dismissMessages: () => set({ notice: null, error: null }),

  tasks: [],

  async runTask(label, work, options = {}) {
    const id = ++taskSequence;
    const controller = new AbortController();
    const cancellable = options.cancellable ?? true;
    set((state) => ({ tasks: [...state.tasks, { id, label, progress: null, cancellable, cancelling: false, controller }] }));
    const progress = (fraction: number | null) =>
      set((state) => ({
        tasks: state.tasks.map((task) => (task.id === id ? { ...task, progress: fraction === null ? null : Math.min(1, Math.max(0, fraction)) } : task)),
      }));
    try {
      const result = await work(controller.signal, progress);
      if (controller.signal.aborted) {
        get().showNotice(`Прервано: ${label}`);
        return undefined;
      }
      return result;
    } catch (error) {
      if (controller.signal.aborted || isCancellation(error)) get().showNotice(`Прервано: ${label}`);
      else get().showError(error);
      return undefined;
    } finally {
      set((state) => ({ tasks: state.tasks.filter((task) => task.id !== id) }));
    }
  },

  cancelTask(id) {
    const task = get().tasks.find((t) => t.id === id);
    if (!task || !task.cancellable || task.cancelling) return;
    set((state) => ({ tasks: state.tasks.map((t) => (t.id === id ? { ...t, cancelling: true } : t)) }));
    task.controller.abort();
  },
});
