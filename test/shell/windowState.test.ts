// The window's remembered bounds, fitted to the displays present now; the remembered database.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFileAtStart, defaultDatabaseFile, rememberDatabaseFile } from '../../electron/shell/databaseLocation';
import { DEFAULT_WINDOW_SIZE, loadWindowState, placeWindow, saveWindowState, type Rect } from '../../electron/shell/windowState';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'munplan-shell-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const monitorRight: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window state file', () => {
  it('round-trips bounds and maximised', () => {
    const file = path.join(folder, 'sub', 'window-state.json');
    saveWindowState(file, { bounds: { x: 100, y: 50, width: 1400, height: 900 }, maximized: true });
    expect(loadWindowState(file)).toEqual({ bounds: { x: 100, y: 50, width: 1400, height: 900 }, maximized: true });
  });

  it('reads a missing, broken or odd file as nothing saved', () => {
    const file = path.join(folder, 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    writeFileSync(file, '{"bounds": {"x": 1');
    expect(loadWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ bounds: { x: 0, y: 0, width: -5, height: 10 } }));
    expect(loadWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ bounds: { x: 'a', y: 0, width: 800, height: 600 } }));
    expect(loadWindowState(file)).toBeNull();
  });
});

describe('placeWindow', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(placeWindow(null, [laptop, monitorRight])).toEqual({
      bounds: { x: (1920 - DEFAULT_WINDOW_SIZE.width) / 2, y: (1040 - DEFAULT_WINDOW_SIZE.height) / 2, ...DEFAULT_WINDOW_SIZE },
      maximized: false,
    });
  });

  it('keeps a window that is on screen where it was', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, maximized: false };
    expect(placeWindow(saved, [laptop, monitorRight])).toEqual(saved);
  });

  it('brings a window from an unplugged display back onto the primary one', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, maximized: true };
    const placed = placeWindow(saved, [laptop]);
    expect(placed).toEqual({ bounds: { x: 160, y: 20, width: 1600, height: 1000 }, maximized: true });
  });

  it('moves a window hanging off an edge wholly onto its display and shrinks one too large', () => {
    expect(placeWindow({ bounds: { x: -300, y: 900, width: 1000, height: 700 }, maximized: false }, [laptop]).bounds).toEqual({
      x: 0,
      y: 340,
      width: 1000,
      height: 700,
    });
    expect(placeWindow({ bounds: { x: 0, y: 0, width: 5000, height: 3000 }, maximized: false }, [laptop]).bounds).toEqual(laptop);
  });

  it('never opens smaller than the minimum size a display allows', () => {
    expect(placeWindow({ bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false }, [laptop]).bounds).toMatchObject({ width: 960, height: 600 });
  });
});

describe('database location', () => {
  it('is munplan.sqlite in the user data folder by default', () => {
    expect(databaseFileAtStart(folder)).toBe(path.join(folder, 'munplan.sqlite'));
    expect(defaultDatabaseFile(folder)).toBe(path.join(folder, 'munplan.sqlite'));
  });

  it('is the file opened last, while that file exists', () => {
    const chosen = path.join(folder, 'other.sqlite');
    rememberDatabaseFile(folder, chosen);
    expect(databaseFileAtStart(folder, () => true)).toBe(chosen);
    expect(databaseFileAtStart(folder, () => false)).toBe(path.join(folder, 'munplan.sqlite'));
  });
});
