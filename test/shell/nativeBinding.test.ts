// Which better-sqlite3 binary the desktop app loads, and when it must be built.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bindingCacheRoot,
  bindingForProcess,
  bindingKeyName,
  cachedBindingFile,
  electronBuildEnvironment,
  planBinding,
  stagedBindingFile,
  type BindingKey,
} from '../../electron/shell/nativeBinding';
import { bindingKeyOf } from '../../electron/shell/buildShell';

const key: BindingKey = { electron: '39.8.10', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' };
const cache = bindingCacheRoot('/project');

describe('the Electron build of better-sqlite3', () => {
  it('is cached under node_modules, keyed by Electron, better-sqlite3, platform and arch', () => {
    expect(cache).toBe(path.join('/project', 'node_modules', '.cache', 'munplan-electron-native'));
    expect(bindingKeyName(key)).toBe('electron-39.8.10_better-sqlite3-12.11.1_linux-x64');
    expect(cachedBindingFile(cache, key)).toBe(path.join(cache, 'electron-39.8.10_better-sqlite3-12.11.1_linux-x64', 'better_sqlite3.node'));
    const others = [
      { ...key, electron: '39.9.0' },
      { ...key, betterSqlite3: '12.12.0' },
      { ...key, platform: 'win32' },
      { ...key, arch: 'arm64' },
    ];
    expect(new Set([key, ...others].map((k) => cachedBindingFile(cache, k))).size).toBe(5);
  });

  it('is reused when the cache has it and built when it does not', () => {
    const file = cachedBindingFile(cache, key);
    expect(planBinding(key, cache, (f) => f === file)).toEqual({ action: 'reuse', file });
    const plan = planBinding(key, cache, () => false);
    expect(plan).toMatchObject({ action: 'build', file });
    // A new Electron finds no build under its own key, whatever the old key left.
    expect(planBinding({ ...key, electron: '40.0.0' }, cache, (f) => f === file).action).toBe('build');
  });

  it("is keyed by the versions actually installed", () => {
    const installed = bindingKeyOf(process.cwd());
    expect(installed.electron).toMatch(/^\d+\.\d+\.\d+/);
    expect(installed.betterSqlite3).toMatch(/^\d+\.\d+\.\d+/);
    expect(installed.platform).toBe(process.platform);
  });

  it("is built without npm's node-gyp settings that would point it at Node's headers", () => {
    const env = electronBuildEnvironment({ PATH: '/bin', npm_config_nodedir: '/usr', NPM_CONFIG_TARGET: '20.0.0', npm_config_runtime: 'node', npm_config_cache: '/c' });
    expect(env).toEqual({ PATH: '/bin', npm_config_cache: '/c' });
  });

  it('is loaded by the main process under Electron, and left alone under Node', () => {
    const staged = stagedBindingFile('/app');
    expect(staged).toBe(path.join('/app', 'dist', 'native', 'better_sqlite3.node'));
    expect(bindingForProcess(undefined, staged, () => true)).toBeUndefined();
    expect(bindingForProcess('39.8.10', staged, (f) => f === staged)).toBe(staged);
    expect(() => bindingForProcess('39.8.10', staged, () => false)).toThrow(/npm start/);
  });
});
