// What the native file dialogs offer, and the checks on what the renderer asks of them. The
// renderer names a kind of file, never a path or a filter of its own.

import path from 'node:path';
import type { OpenFileOptions, SaveFileOptions } from '../../shared/api/bridge';
import { REPORT_FORMATS, type ReportFormat } from '../../shared/api/contract';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export const TEMPLATE_FILTERS: FileFilter[] = [{ name: 'Шаблоны', extensions: ['docx', 'xlsx', 'csv'] }];
export const DATABASE_FILTERS: FileFilter[] = [{ name: 'База Munplan', extensions: ['sqlite'] }];

const REPORT_FORMAT_NAMES: Record<ReportFormat, string> = {
  docx: 'Отчёт Word (DOCX)',
  pdf: 'Отчёт PDF',
  xlsx: 'Отчёт Excel (XLSX)',
};

export function reportFilters(format: ReportFormat): FileFilter[] {
  return [{ name: REPORT_FORMAT_NAMES[format], extensions: [format] }];
}

/**
 * import/preview takes at most 70 000 000 base64 characters: a file of up to 52 500 000 bytes.
 * A larger one is refused before it is read.
 */
export const MAX_TEMPLATE_BYTES = 52_500_000;

export function parseOpenFileOptions(value: unknown): OpenFileOptions | null {
  const options = value as OpenFileOptions;
  return typeof value === 'object' && value !== null && options.kind === 'template' && Object.keys(value).length === 1 ? { kind: 'template' } : null;
}

export function parseSaveFileOptions(value: unknown): SaveFileOptions | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, format, defaultName, ...rest } = value as Record<string, unknown>;
  if (kind !== 'report' || !(REPORT_FORMATS as readonly unknown[]).includes(format) || Object.keys(rest).length) return null;
  if (defaultName !== undefined && typeof defaultName !== 'string') return null;
  // Only a name: the folder is the officer's choice in the dialog.
  const name = defaultName === undefined ? undefined : path.basename(defaultName.replace(/\\/g, '/')).slice(0, 200) || undefined;
  return { kind: 'report', format: format as ReportFormat, ...(name ? { defaultName: name } : {}) };
}

/** The chosen path with the format's extension, added when the officer typed a bare name. */
export function withExtension(file: string, extension: string): string {
  return path.extname(file).toLowerCase() === `.${extension}` ? file : `${file}.${extension}`;
}

/** «munplan-2026-11-23.sqlite»: the suggested name of a backup taken now. */
export function backupFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `munplan-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.sqlite`;
}
