// `npm start` where the Electron binary cannot be had: one sentence, exit code 1.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ELECTRON_MISSING, locateElectron, type ElectronProbe } from '../../electron/shell/startCommand';

function probe(overrides: Partial<ElectronProbe> = {}): ElectronProbe {
  return {
    resolve: vi.fn(() => '/e/electron'),
    exists: vi.fn(() => true),
    download: vi.fn(() => false),
    ...overrides,
  };
}

describe('locateElectron', () => {
  it('finds an installed binary without downloading', () => {
    const p = probe();
    expect(locateElectron(p, {})).toBe('/e/electron');
    expect(p.download).not.toHaveBeenCalled();
  });

  it('downloads a missing binary once and then finds it', () => {
    let downloaded = false;
    const p = probe({
      exists: () => downloaded,
      download: vi.fn(() => (downloaded = true)),
    });
    expect(locateElectron(p, {})).toBe('/e/electron');
    expect(p.download).toHaveBeenCalledTimes(1);
  });

  it('gives up when the package has no binary and the download fails', () => {
    const p = probe({
      resolve: () => {
        throw new Error('Electron failed to install correctly');
      },
    });
    expect(locateElectron(p, {})).toBeNull();
    expect(p.download).toHaveBeenCalledTimes(1);
  });

  it('does not try to download where ELECTRON_SKIP_BINARY_DOWNLOAD is set', () => {
    const p = probe({ exists: () => false });
    expect(locateElectron(p, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })).toBeNull();
    expect(p.download).not.toHaveBeenCalled();
  });
});

describe('npm start without Electron', () => {
  it('prints the one sentence pointing to the preview and exits with 1', () => {
    const run = spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'electron/shell/startCommand.ts'], {
      encoding: 'utf8',
      env: { ...process.env, MUNPLAN_ELECTRON_BINARY: path.resolve('no-such-folder/electron'), ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${ELECTRON_MISSING}\n`);
    expect(ELECTRON_MISSING).toBe('Electron не установлен на этой машине (его не удалось загрузить); откройте Munplan в браузере: npm run preview');
  });
});
