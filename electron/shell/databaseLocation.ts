// Which database file the app opens. By default munplan.sqlite in the user's data folder;
// after «Открыть базу…» the chosen file, remembered for the next start as long as it exists
// (a file on a removed USB stick must not be silently recreated empty).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { readJsonFile, writeJsonFile } from './jsonFile';

export const DEFAULT_DATABASE_NAME = 'munplan.sqlite';
const SETTINGS_FILE = 'database.json';

export function defaultDatabaseFile(userDataFolder: string): string {
  return path.join(userDataFolder, DEFAULT_DATABASE_NAME);
}

export function databaseFileAtStart(userDataFolder: string, exists: (file: string) => boolean = existsSync): string {
  const file = (readJsonFile(path.join(userDataFolder, SETTINGS_FILE)) as { file?: unknown } | undefined)?.file;
  return typeof file === 'string' && path.isAbsolute(file) && exists(file) ? file : defaultDatabaseFile(userDataFolder);
}

export function rememberDatabaseFile(userDataFolder: string, file: string): void {
  writeJsonFile(path.join(userDataFolder, SETTINGS_FILE), { file: path.resolve(file) });
}
