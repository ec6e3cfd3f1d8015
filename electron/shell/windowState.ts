// The window opens where the officer left it: its bounds and whether it was maximised are kept
// in a small JSON file in the user's data folder. Before use they are fitted to the displays
// present now, so a window last seen on an unplugged projector comes back on screen.

import { readJsonFile, writeJsonFile } from './jsonFile';
import { MIN_WINDOW_SIZE } from './windowOptions';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;

function isRect(value: unknown): value is Rect {
  const rect = value as Rect;
  return (
    typeof value === 'object' &&
    value !== null &&
    [rect.x, rect.y, rect.width, rect.height].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    rect.width > 0 &&
    rect.height > 0
  );
}

/** The saved state, or null when there is none or it cannot be read (then defaults apply). */
export function loadWindowState(file: string): WindowState | null {
  const saved = readJsonFile(file) as Partial<WindowState> | undefined;
  if (!saved || !isRect(saved.bounds)) return null;
  const { x, y, width, height } = saved.bounds;
  return { bounds: { x, y, width, height }, maximized: saved.maximized === true };
}

export function saveWindowState(file: string, state: WindowState): void {
  writeJsonFile(file, state);
}

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function centred(area: Rect, width: number, height: number): Rect {
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

/**
 * Where the window opens, given the saved state and the work areas of the displays now
 * connected (the primary first). A window is kept on the display it overlaps most, shrunk to
 * fit and moved wholly inside it; one that overlaps none opens centred on the primary display.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  const fit = (area: Rect, width: number, height: number) => ({
    width: Math.min(Math.max(width, MIN_WINDOW_SIZE.width), area.width),
    height: Math.min(Math.max(height, MIN_WINDOW_SIZE.height), area.height),
  });
  if (!saved) {
    const size = fit(primary, DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height);
    return { bounds: centred(primary, size.width, size.height), maximized: false };
  }
  let best: Rect | null = null;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const shared = overlap(saved.bounds, area);
    if (shared > bestOverlap) [best, bestOverlap] = [area, shared];
  }
  if (!best) {
    const size = fit(primary, saved.bounds.width, saved.bounds.height);
    return { bounds: centred(primary, size.width, size.height), maximized: saved.maximized };
  }
  const { width, height } = fit(best, saved.bounds.width, saved.bounds.height);
  const x = Math.min(Math.max(saved.bounds.x, best.x), best.x + best.width - width);
  const y = Math.min(Math.max(saved.bounds.y, best.y), best.y + best.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}
