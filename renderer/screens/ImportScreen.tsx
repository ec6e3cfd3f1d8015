// Import of a regional template (XLSX, DOCX, CSV): choose the file, read the preview with
// every doubtful cell pointed out, then import or cancel. Nothing is written before
// «Импортировать»; cancelling at any point leaves the database as it was.

import { useEffect, useRef, useState } from 'react';
import { ApiCallError } from '../../shared/api/client';
import type { ImportCounts, ImportPreview } from '../../shared/api/contract';
import { electronBridge } from '../api/bridge';
import { readFileAsBase64 } from '../files/base64';
import { periodText } from '../format';
import { useStore } from '../store';
import { TaskCancelled, throwIfCancelled } from '../store/messages';
import { ChangesTable } from '../components/ChangesTable';

type Target = 'new' | 'open';

/** A file to preview: its name and a way to get its bytes as base64. */
interface ChosenFile {
  name: string;
  read(signal: AbortSignal, progress: (fraction: number) => void): Promise<string>;
}

const COUNT_LABELS: [keyof ImportCounts, string][] = [
  ['programs', 'программ'],
  ['nodes', 'частей программы (подпрограмм, мероприятий)'],
  ['indicators', 'показателей'],
  ['amounts', 'сумм'],
  ['statedTotals', 'итогов документа для сверки'],
  ['budget', 'строк утверждённого бюджета'],
  ['organisations', 'организаций'],
  ['amendments', 'редакций'],
];

function PreviewView({ preview }: { preview: ImportPreview }) {
  const errors = preview.findings.filter((f) => f.severity === 'error').length;
  return (
    <section className="card import-preview" aria-labelledby="preview-title">
      <h3 id="preview-title">Предварительный просмотр: {preview.file}</h3>
      <p>
        {preview.target ? (
          <>
            В открытую программу «{preview.target.title}» из программы «{preview.programTitle}» ({periodText(preview.period[0], preview.period[1])})
          </>
        ) : (
          <>
            Новая программа «{preview.programTitle}», {periodText(preview.period[0], preview.period[1])}
          </>
        )}
      </p>

      <h4>Распознанные таблицы</h4>
      <table className="table compact" aria-label="Распознанные таблицы">
        <thead>
          <tr>
            <th scope="col">Таблица (лист)</th>
            <th scope="col">Форма</th>
            <th scope="col" className="amount">
              Строк
            </th>
            <th scope="col" className="amount">
              Уверенность
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.tables.map((table, i) => (
            <tr key={i}>
              <td className="text-cell">{table.table}</td>
              <td className="text-cell">{table.label}</td>
              <td className="amount">{table.rows}</td>
              <td className="amount">{Math.round(table.confidence * 100)} %</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h4>{preview.target ? 'Будет добавлено' : 'Будет создано'}</h4>
      <ul className="counts">
        {COUNT_LABELS.filter(([key]) => preview.created[key] > 0).map(([key, label]) => (
          <li key={key}>
            {label}: <strong>{preview.created[key]}</strong>
          </li>
        ))}
        {preview.target && (
          <li>
            сопоставлено с существующими: частей — <strong>{preview.matched.nodes}</strong>, показателей — <strong>{preview.matched.indicators}</strong>
          </li>
        )}
      </ul>

      {preview.target && (
        <>
          <h4>Что изменится в программе</h4>
          {preview.changes.length === 0 ? (
            <p className="muted">Изменений в уже введённых данных нет.</p>
          ) : (
            <ChangesTable changes={preview.changes} beforeTitle="Было" afterTitle="Станет" label="Что изменится в программе" compact />
          )}
        </>
      )}

      <h4>Сомнительные ячейки и замечания</h4>
      {preview.findings.length === 0 ? (
        <p className="muted">Замечаний нет.</p>
      ) : (
        <>
          <p>
            Ошибок: {errors}, предупреждений: {preview.findings.length - errors}. Проверьте эти ячейки в файле или после импорта.
          </p>
          <table className="table compact" aria-label="Сомнительные ячейки и замечания">
            <thead>
              <tr>
                <th scope="col">Важность</th>
                <th scope="col">Где</th>
                <th scope="col">Что</th>
              </tr>
            </thead>
            <tbody>
              {preview.findings.map((finding, i) => (
                <tr key={i}>
                  <td>
                    <span className={`severity severity-${finding.severity}`}>{finding.severity === 'error' ? 'Ошибка' : 'Предупреждение'}</span>
                  </td>
                  <td className="text-cell">{finding.where}</td>
                  <td className="text-cell">{finding.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

export function ImportScreen() {
  const api = useStore((s) => s.api);
  const programId = useStore((s) => s.programId);
  const programTitle = useStore((s) => s.detail?.program.title ?? null);
  const runTask = useStore((s) => s.runTask);
  const [target, setTarget] = useState<Target>('new');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const pendingPreview = useRef<string | null>(null);
  pendingPreview.current = preview?.previewId ?? null;

  const mounted = useRef(true);

  // Leaving the screen with a preview waiting forgets it: nothing was written.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      const previewId = pendingPreview.current;
      if (previewId) void useStore.getState().api('import/discard', { previewId }).catch(() => {});
    };
  }, []);

  const effectiveTarget: Target = programId === null ? 'new' : target;

  const previewFile = async (file: ChosenFile) => {
    if (preview) await api('import/discard', { previewId: preview.previewId }).catch(() => {});
    setPreview(null);
    setBusy(true);
    const result = await runTask(`Импорт «${file.name}»: чтение и проверка`, async (signal, progress) => {
      progress(0);
      const data = await file.read(signal, (fraction) => progress(fraction * 0.3));
      throwIfCancelled(signal);
      progress(null);
      const made = await api('import/preview', { fileName: file.name, data, programId: effectiveTarget === 'open' ? programId : null });
      if (signal.aborted) {
        // The officer cancelled while the file was being analysed: forget the preview.
        await api('import/discard', { previewId: made.previewId });
        throw new TaskCancelled();
      }
      return made;
    });
    if (result && !mounted.current) {
      // The officer left the screen while the file was analysed: nobody will confirm it.
      void api('import/discard', { previewId: result.previewId }).catch(() => {});
      return;
    }
    setBusy(false);
    if (result) setPreview(result);
  };

  const chooseInBrowser = (files: FileList | null) => {
    const file = files?.[0];
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    void previewFile({ name: file.name, read: (signal, progress) => readFileAsBase64(file, signal, progress) });
  };

  const chooseInElectron = async () => {
    const opened = await electronBridge()!.openFile({ kind: 'template' });
    if (opened.status === 'refused') useStore.getState().showError(new ApiCallError({ code: 'invalidInput', message: opened.message }));
    if (opened.status !== 'picked') return;
    void previewFile({ name: opened.fileName, read: async () => opened.data });
  };

  const commit = async () => {
    if (!preview) return;
    const current = preview;
    setBusy(true);
    const result = await runTask(`Импорт «${current.file}»: запись`, () => api('import/commit', { previewId: current.previewId }), { cancellable: false });
    setBusy(false);
    if (!result) return;
    pendingPreview.current = null;
    setPreview(null);
    const store = useStore.getState();
    store.noteEdit();
    await store.loadPrograms();
    await store.openProgram(result.programId, 'overview');
    store.showNotice(`Импорт выполнен: «${current.file}». Отменить его можно кнопкой «Отменить» (Ctrl+Z).`);
  };

  const cancel = async () => {
    if (!preview) return;
    try {
      await api('import/discard', { previewId: preview.previewId });
    } catch {
      // Forgotten already (a newer preview pushed it out): nothing was written either way.
    }
    pendingPreview.current = null;
    setPreview(null);
    useStore.getState().showNotice('Импорт отменён: в базе ничего не изменено.');
  };

  return (
    <div className="screen-body">
      <h2>Импорт шаблона</h2>
      <section className="card" aria-labelledby="import-choose-title">
        <h3 id="import-choose-title">Файл</h3>
        <p className="muted">Формы из Excel (XLSX), Word (DOCX) или CSV: дорожная карта, таблицы показателей, мероприятий, бюджета и ресурсного обеспечения.</p>
        <fieldset className="radio-group" disabled={busy || preview !== null}>
          <legend>Куда импортировать</legend>
          <label>
            <input type="radio" name="import-target" checked={effectiveTarget === 'new'} onChange={() => setTarget('new')} /> в новую программу
          </label>
          <label>
            <input type="radio" name="import-target" checked={effectiveTarget === 'open'} disabled={programId === null} onChange={() => setTarget('open')} /> в открытую программу
            {programTitle ? ` «${programTitle}»` : ''}
          </label>
        </fieldset>
        {electronBridge() ? (
          <button type="button" className="button primary" disabled={busy || preview !== null} onClick={() => void chooseInElectron()}>
            Выбрать файл…
          </button>
        ) : (
          <label className="file-choice">
            <span>Файл шаблона (XLSX, DOCX, CSV)</span>
            <input
              ref={fileInput}
              type="file"
              accept=".xlsx,.docx,.csv"
              disabled={busy || preview !== null}
              onChange={(event) => chooseInBrowser(event.target.files)}
            />
          </label>
        )}
      </section>
      {preview && (
        <>
          <PreviewView preview={preview} />
          <div className="button-row">
            <button type="button" className="button primary" disabled={busy} onClick={() => void commit()}>
              Импортировать
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void cancel()}>
              Отмена
            </button>
          </div>
        </>
      )}
    </div>
  );
}
