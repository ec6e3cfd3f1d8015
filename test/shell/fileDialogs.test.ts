// What the renderer may ask of the file dialogs, and what they offer.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  DATABASE_FILTERS,
  parseOpenFileOptions,
  parseSaveFileOptions,
  reportFilters,
  TEMPLATE_FILTERS,
  withExtension,
} from '../../electron/shell/fileDialogs';

describe('file dialogs', () => {
  it('offer templates, reports and databases by their extensions', () => {
    expect(TEMPLATE_FILTERS).toEqual([{ name: 'Шаблоны', extensions: ['docx', 'xlsx', 'csv'] }]);
    expect(DATABASE_FILTERS.flatMap((f) => f.extensions)).toEqual(['sqlite']);
    expect(reportFilters('pdf')).toEqual([{ name: 'Отчёт PDF', extensions: ['pdf'] }]);
    expect(reportFilters('docx')[0].extensions).toEqual(['docx']);
    expect(reportFilters('xlsx')[0].extensions).toEqual(['xlsx']);
  });

  it('accept only the kinds the bridge defines', () => {
    expect(parseOpenFileOptions({ kind: 'template' })).toEqual({ kind: 'template' });
    expect(parseOpenFileOptions({ kind: 'template', path: '/etc/passwd' })).toBeNull();
    expect(parseOpenFileOptions({ kind: 'database' })).toBeNull();
    expect(parseOpenFileOptions(null)).toBeNull();
    expect(parseSaveFileOptions({ kind: 'report', format: 'pdf' })).toEqual({ kind: 'report', format: 'pdf' });
    expect(parseSaveFileOptions({ kind: 'report', format: 'exe' })).toBeNull();
    expect(parseSaveFileOptions({ kind: 'report', format: 'pdf', filters: [] })).toBeNull();
    expect(parseSaveFileOptions({ kind: 'report', format: 'pdf', defaultName: 7 })).toBeNull();
  });

  it('take only a name from the suggested file name, never a folder', () => {
    expect(parseSaveFileOptions({ kind: 'report', format: 'xlsx', defaultName: 'Таблица 4.xlsx' })?.defaultName).toBe('Таблица 4.xlsx');
    expect(parseSaveFileOptions({ kind: 'report', format: 'xlsx', defaultName: '../../.bashrc' })?.defaultName).toBe('.bashrc');
    expect(parseSaveFileOptions({ kind: 'report', format: 'xlsx', defaultName: 'C:\\Windows\\win.ini' })?.defaultName).toBe('win.ini');
  });

  it('add the extension to a bare name', () => {
    expect(withExtension(path.join('/d', 'отчёт'), 'pdf')).toBe(path.join('/d', 'отчёт.pdf'));
    expect(withExtension(path.join('/d', 'отчёт.PDF'), 'pdf')).toBe(path.join('/d', 'отчёт.PDF'));
    expect(withExtension(path.join('/d', 'отчёт.docx'), 'pdf')).toBe(path.join('/d', 'отчёт.docx.pdf'));
  });

  it('name a backup by the moment it is taken', () => {
    expect(backupFileName(new Date(2026, 10, 23, 9, 5))).toBe('munplan-2026-11-23-0905.sqlite');
  });
});
