// @vitest-environment jsdom
// Reports from the browser: the report is rendered by the handlers and handed to the browser
// as a download of its bytes (in Electron the shell's save dialog and reports/export instead).

import { render, screen, waitFor, within } from '@testing-library/react';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/App';
import { loadDemoProgram, openInStore, useRendererWorkspace } from './support/rendererWorkspace';

const workspace = useRendererWorkspace();

let downloads: { name: string; href: string }[];
let blobs: Blob[];

beforeEach(() => {
  downloads = [];
  blobs = [];
  // jsdom has neither object URLs nor downloads: record what the page hands the browser.
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:munplan/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, href: this.href });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  delete window.munplan;
});

async function openExport() {
  const programId = await loadDemoProgram(workspace().api);
  await openInStore(programId, 'export');
  render(<App />);
  await screen.findByRole('heading', { name: 'Отчётные формы' });
  return programId;
}

describe('the export screen in the browser', () => {
  it('renders the chosen report and downloads its bytes as a Blob', async () => {
    const user = userEvent.setup();
    const programId = await openExport();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Форма' }), 'Таблица 4. Ресурсное обеспечение');
    expect(screen.queryByRole('combobox', { name: 'Год' })).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Excel (XLSX)' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить отчёт' }));

    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(workspace().callsOf('reports/render').map((c) => c.request)).toEqual([{ programId, report: 'resources', format: 'xlsx', year: null }]);
    expect(workspace().callsOf('reports/export')).toHaveLength(0);
    expect(downloads[0]).toEqual({ name: 'Таблица 4. Ресурсное обеспечение.xlsx', href: 'blob:munplan/1' });
    const blob = blobs[0];
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const rendered = workspace().callsOf('reports/render')[0].result as { data: string };
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(bytes.length).toBe(Buffer.from(rendered.data, 'base64').length);
    // An XLSX is a zip: «PK».
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    expect(await screen.findByText(/^Отчёт «Таблица 4\. Ресурсное обеспечение\.xlsx» передан браузеру/)).toBeTruthy();
  });

  it('asks for the year of a yearly report and sends it', async () => {
    const user = userEvent.setup();
    const programId = await openExport();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Форма' }), 'Дорожная карта по кварталам');
    const year = screen.getByRole('combobox', { name: 'Год' });
    expect(within(year).getAllByRole('option').map((o) => o.textContent)).toEqual(['2022', '2023', '2024', '2025', '2026', '2027', '2028', '2029', '2030']);
    await user.selectOptions(year, '2024');
    await user.click(screen.getByRole('button', { name: 'Сохранить отчёт' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(workspace().callsOf('reports/render')[0].request).toEqual({ programId, report: 'roadmap', format: 'docx', year: 2024 });
    expect(downloads[0].name).toBe('Дорожная карта по кварталам 2024.docx');
  });
});

describe('the export screen in the desktop app', () => {
  it('writes the report where the save dialog pointed, through reports/export', async () => {
    const user = userEvent.setup();
    // DOCX: under jsdom pdfkit cannot load its font (a jsdom realm artefact, not the app's).
    const file = path.join(workspace().workspace.folder, 'Паспорт.docx');
    const saveFile = vi.fn(async () => file);
    window.munplan = {
      invoke: async () => ({ ok: false, error: { code: 'internal', message: 'not used: the store has its client' } }),
      openFile: async () => ({ status: 'cancelled' }),
      saveFile,
      onMenu: () => () => {},
    };
    const programId = await openExport();
    await user.click(screen.getByRole('radio', { name: 'Word (DOCX)' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить отчёт' }));

    await screen.findByText(`Отчёт сохранён: ${file}`);
    expect(saveFile).toHaveBeenCalledWith({ kind: 'report', format: 'docx', defaultName: 'Паспорт программы.docx' });
    expect(workspace().callsOf('reports/export').map((c) => c.request)).toEqual([{ programId, report: 'passport', format: 'docx', year: null, file }]);
    expect(workspace().callsOf('reports/render')).toHaveLength(0);
    expect(existsSync(file) && statSync(file).size).toBeGreaterThan(1000);
    expect(downloads).toEqual([]);
  });

  it('writes nothing when the save dialog is closed', async () => {
    const user = userEvent.setup();
    window.munplan = {
      invoke: async () => ({ ok: false, error: { code: 'internal', message: 'not used' } }),
      openFile: async () => ({ status: 'cancelled' }),
      saveFile: async () => null,
      onMenu: () => () => {},
    };
    await openExport();
    await user.click(screen.getByRole('button', { name: 'Сохранить отчёт' }));
    expect(workspace().callsOf('reports/export')).toHaveLength(0);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
