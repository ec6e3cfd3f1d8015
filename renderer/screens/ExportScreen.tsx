// The official forms: choose the report, the format and (for the yearly ones) the year, then
// save. The desktop app writes the file where the officer chose; the browser downloads it.

import { useState } from 'react';
import { REPORT_FORMATS, REPORT_KINDS, REPORT_LABELS, type ReportFormat, type ReportKind } from '../../shared/api/contract';
import { electronBridge } from '../api/bridge';
import { Field } from '../components/Field';
import { base64ToBytes, downloadBytes, MIME_TYPES } from '../files/base64';
import { useStore } from '../store';
import { throwIfCancelled } from '../store/messages';

/** Forms made for one year: the quarterly roadmap and the plan/fact report. */
export const YEARLY_REPORTS: readonly ReportKind[] = ['roadmap', 'planfact'];

const FORMAT_LABELS: Record<ReportFormat, string> = {
  docx: 'Word (DOCX)',
  pdf: 'PDF',
  xlsx: 'Excel (XLSX)',
};

/** «Таблица 4. Ресурсное обеспечение.docx», safe as a file name on every system. */
export function reportFileName(kind: ReportKind, format: ReportFormat, year: number | null): string {
  const label = REPORT_LABELS[kind].replace(/[\\/:*?"<>|«»]+/g, '-').replace(/\s+/g, ' ').trim();
  return `${label}${year !== null ? ` ${year}` : ''}.${format}`;
}

export function ExportScreen() {
  const program = useStore((s) => s.detail?.program ?? null);
  const api = useStore((s) => s.api);
  const runTask = useStore((s) => s.runTask);
  const showNotice = useStore((s) => s.showNotice);
  const [kind, setKind] = useState<ReportKind>('passport');
  const [format, setFormat] = useState<ReportFormat>('docx');
  const [chosenYear, setYear] = useState<number | null>(null);
  if (!program) return <p className="muted">Загрузка программы…</p>;

  const years = Array.from({ length: program.periodEnd - program.periodStart + 1 }, (_, i) => program.periodStart + i);
  const thisYear = new Date().getFullYear();
  const defaultYear = years.includes(thisYear) ? thisYear : program.periodStart;
  const year = chosenYear !== null && years.includes(chosenYear) ? chosenYear : defaultYear;
  const needsYear = YEARLY_REPORTS.includes(kind);
  const reportYear = needsYear ? year : null;
  const fileName = reportFileName(kind, format, reportYear);
  const label = `${REPORT_LABELS[kind]}${reportYear !== null ? `, ${reportYear} г.` : ''} (${FORMAT_LABELS[format]})`;

  const save = async () => {
    const bridge = electronBridge();
    if (bridge) {
      const file = await bridge.saveFile({ kind: 'report', format, defaultName: fileName });
      if (!file) return;
      const written = await runTask(`Отчёт: ${label}`, async (signal) => {
        throwIfCancelled(signal);
        // The file is written whole or not at all (a temporary name, then a rename).
        return api('reports/export', { programId: program.id, report: kind, format, year: reportYear, file });
      });
      if (written) showNotice(`Отчёт сохранён: ${written.file}`);
      return;
    }
    const rendered = await runTask(`Отчёт: ${label}`, async (signal, progress) => {
      const result = await api('reports/render', { programId: program.id, report: kind, format, year: reportYear });
      throwIfCancelled(signal);
      progress(0.9);
      return result;
    });
    if (!rendered) return;
    downloadBytes(fileName, base64ToBytes(rendered.data), MIME_TYPES[format] ?? 'application/octet-stream');
    showNotice(`Отчёт «${fileName}» передан браузеру для сохранения (обычно — в папку «Загрузки»).`);
  };

  return (
    <div className="screen-body">
      <h2>Отчётные формы</h2>
      <form
        className="card"
        aria-label="Отчётная форма"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Field label="Форма" wide>
          <select value={kind} onChange={(event) => setKind(event.target.value as ReportKind)}>
            {REPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {REPORT_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="radio-group">
          <legend>Формат</legend>
          {REPORT_FORMATS.map((f) => (
            <label key={f}>
              <input type="radio" name="report-format" value={f} checked={format === f} onChange={() => setFormat(f)} /> {FORMAT_LABELS[f]}
            </label>
          ))}
        </fieldset>
        {needsYear && (
          <Field label="Год">
            <select value={year} onChange={(event) => setYear(Number(event.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </Field>
        )}
        <div className="button-row">
          <button type="submit" className="button primary">
            Сохранить отчёт
          </button>
        </div>
      </form>
    </div>
  );
}
