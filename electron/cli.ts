// The command line over the same handlers the app uses:
//   npm run --silent cli -- --db FILE <command> [options]
// Exit codes: 0 success, 1 input refused (with a message saying what and where), 2 usage error.

import { appendFileSync, readFileSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ReportFormat, ReportKind, TotalsLine, TotalsView } from '../shared/api/contract';
import { createApiClient, ApiCallError, type ApiClient } from '../shared/api/client';
import type { ProgramSummary } from '../shared/domain';
import type { Finding } from '../shared/findings';
import { formatThousands, kopecksToDecimal } from '../shared/money';
import { createDispatch } from './api/dispatch';
import { createHandlerContext } from './api/context';
import { closeWorkspace, openWorkspace, type Workspace } from './db/workspace';
import { MigrationError } from './db/migrate';
import { restoreDatabase, RestoreError } from './db/restore';
import { BACKUP_REASON_LABELS, backupFolderOf, formatBackupMoment, listBackups } from './db/backupStore';

const USAGE = `Использование: npm run --silent cli -- --db ФАЙЛ <команда> [параметры]

Команды:
  programs [--json]                              список программ
  show --program ID [--json]                     программа целиком
  totals --program ID [--json]                   итоги по годам, исполнителям и источникам
  check --program ID [--json]                    найденные расхождения
  export-json --program ID --out ФАЙЛ            файл программы для передачи
  import-json ФАЙЛ [--json]                      загрузить файл программы
  import ФАЙЛ [--program ID] [--dry-run] [--json]
                                                 импорт шаблона (DOCX, XLSX, CSV); --dry-run
                                                 только показывает, что будет сделано
  export --program ID --report ВИД --format docx|pdf|xlsx --out ФАЙЛ [--year N]
                                                 отчётная форма: passport, indicators, activities,
                                                 budget, resources, roadmap, planfact, maturity
  backup --out ФАЙЛ                              резервная копия базы
  restore ФАЙЛ [--json]                          восстановить базу из копии; прежняя база
                                                 остаётся в папке резервных копий
  backups [--json]                               автоматические резервные копии, новые сверху`;

class UsageError extends Error {}
class InputError extends Error {}

interface Parsed {
  db: string;
  command: string;
  positional: string[];
  options: Map<string, string | true>;
}

const FLAGS = new Set(['json', 'dry-run']);

function parseArguments(argv: string[]): Parsed {
  const options = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument.startsWith('--')) {
      const name = argument.slice(2);
      if (FLAGS.has(name)) options.set(name, true);
      else {
        const value = argv[++i];
        if (value === undefined) throw new UsageError(`Параметру --${name} нужно значение`);
        options.set(name, value);
      }
    } else positional.push(argument);
  }
  const db = options.get('db');
  if (typeof db !== 'string') throw new UsageError('Укажите файл базы: --db ФАЙЛ');
  options.delete('db');
  const [command, ...rest] = positional;
  if (!command) throw new UsageError('Укажите команду');
  return { db, command, positional: rest, options };
}

function requireOption(parsed: Parsed, name: string): string {
  const value = parsed.options.get(name);
  if (typeof value !== 'string') throw new UsageError(`Команде ${parsed.command} нужен параметр --${name}`);
  return value;
}

function programIdOf(parsed: Parsed): number {
  const text = requireOption(parsed, 'program');
  if (!/^\d+$/.test(text)) throw new UsageError(`--program: ожидался номер программы, получено «${text}»`);
  return Number(text);
}

function onePositional(parsed: Parsed, what: string): string {
  if (parsed.positional.length !== 1) throw new UsageError(`Команде ${parsed.command} нужен ${what}`);
  return parsed.positional[0];
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Writes to a temporary name and renames, so a failure never leaves half a file. */
function writeFileAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new InputError(`Не удалось записать файл «${file}»: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'папка не существует' : (error as Error).message}`);
  }
}

/** The totals as the command line prints them: exact decimal strings keyed by year. */
function totalsAsDecimals(view: TotalsView) {
  const byYear = (amounts: number[]) => Object.fromEntries(view.years.map((year, i) => [year, kopecksToDecimal(amounts[i])]));
  const decimalLine = (line: TotalsLine) => ({
    years: byYear(line.amounts),
    total: kopecksToDecimal(line.total),
    byExecutor: line.byExecutor.map((e) => ({ executor: e.executor, organisationId: e.organisationId, years: byYear(e.amounts), total: kopecksToDecimal(e.total) })),
    bySource: line.bySource.map((s) => ({ source: s.source, years: byYear(s.amounts), total: kopecksToDecimal(s.total) })),
  });
  return {
    years: view.years,
    program: decimalLine(view.program),
    nodes: view.nodes.map((n) => ({ nodeId: n.nodeId, code: n.code, kind: n.kind, title: n.title, ...decimalLine(n) })),
  };
}

function printFindings(findings: Finding[]): void {
  if (findings.length === 0) console.log('Расхождений не найдено.');
  for (const f of findings) console.log(`${f.severity === 'error' ? 'ОШИБКА' : 'внимание'}: ${f.where}: ${f.message}`);
}

async function runCommand(parsed: Parsed, api: ApiClient): Promise<void> {
  const json = parsed.options.has('json');
  switch (parsed.command) {
    case 'programs': {
      const programs: ProgramSummary[] = await api('programs/list', {});
      if (json) return print(programs);
      if (programs.length === 0) console.log('Программ нет.');
      for (const p of programs) console.log(`${p.id}\t${p.periodStart}–${p.periodEnd}\t${formatThousands(p.totalKopecks)} тыс. руб.\t${p.title}`);
      return;
    }
    case 'show': {
      const detail = await api('programs/get', { programId: programIdOf(parsed) });
      if (json) return print(detail);
      console.log(`${detail.program.title} (${detail.program.periodStart}–${detail.program.periodEnd})`);
      for (const node of detail.nodes) console.log(`  ${node.code}\t${node.title}`);
      return;
    }
    case 'totals': {
      const view = await api('totals/get', { programId: programIdOf(parsed) });
      if (json) return print(totalsAsDecimals(view));
      console.log(`Всего: ${formatThousands(view.program.total)} тыс. руб.`);
      view.years.forEach((year, i) => console.log(`  ${year} г.: ${formatThousands(view.program.amounts[i])}`));
      return;
    }
    case 'check': {
      const findings = await api('findings/list', { programId: programIdOf(parsed) });
      return json ? print(findings) : printFindings(findings);
    }
    case 'export-json': {
      const out = requireOption(parsed, 'out');
      const document = await api('transfer/export-json', { programId: programIdOf(parsed) });
      writeFileAtomically(out, `${JSON.stringify(document, null, 1)}\n`);
      if (json) print({ file: path.resolve(out) });
      return;
    }
    case 'import-json': {
      const file = onePositional(parsed, 'файл программы');
      let document: unknown;
      try {
        document = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new InputError(
          (error as NodeJS.ErrnoException).code === 'ENOENT' ? `Файл «${file}» не найден` : `Файл «${file}» не является файлом программы (JSON): ${(error as Error).message}`,
        );
      }
      const program = await api('transfer/import-json', { document });
      return json ? print({ programId: program.id, title: program.title }) : console.log(`Загружена программа ${program.id}: ${program.title}`);
    }
    case 'import': {
      const file = onePositional(parsed, 'файл шаблона');
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        throw new InputError((error as NodeJS.ErrnoException).code === 'ENOENT' ? `Файл «${file}» не найден` : `Файл «${file}» не читается: ${(error as Error).message}`);
      }
      const preview = await api('import/preview', {
        fileName: path.basename(file),
        data: bytes.toString('base64'),
        programId: parsed.options.has('program') ? programIdOf(parsed) : null,
      });
      const dryRun = parsed.options.has('dry-run');
      const result = dryRun ? null : await api('import/commit', { previewId: preview.previewId });
      const programId = result?.programId ?? preview.target?.programId ?? null;
      if (json) {
        return print({
          programId,
          dryRun,
          programTitle: preview.programTitle,
          period: preview.period,
          tables: preview.tables,
          created: preview.created,
          matched: preview.matched,
          changes: preview.changes,
          findings: preview.findings,
        });
      }
      console.log(`${dryRun ? 'Предпросмотр импорта' : 'Импортировано'}: «${preview.programTitle}» (${preview.period.join('–')})${programId ? `, программа ${programId}` : ''}`);
      for (const t of preview.tables) console.log(`  ${t.table}: ${t.label} (уверенность ${Math.round(t.confidence * 100)}%, строк ${t.rows})`);
      const c = preview.created;
      console.log(`  частей программы: ${c.nodes}, показателей: ${c.indicators}, сумм: ${c.amounts}, указанных итогов: ${c.statedTotals}`);
      for (const change of preview.changes.slice(0, 50)) console.log(`  изменится: ${change.place}, ${change.field}: ${change.before ?? '—'} → ${change.after ?? '—'}`);
      printFindings(preview.findings.map((f) => ({ ...f, code: 'statedTotalMismatch', target: { programId: 0 } })));
      return;
    }
    case 'export': {
      const yearText = parsed.options.get('year');
      if (yearText !== undefined && (typeof yearText !== 'string' || !/^\d{4}$/.test(yearText))) throw new UsageError('--year: ожидался год, например 2022');
      const result = await api('reports/export', {
        programId: programIdOf(parsed),
        report: requireOption(parsed, 'report') as ReportKind,
        format: requireOption(parsed, 'format') as ReportFormat,
        year: yearText === undefined ? null : Number(yearText),
        file: path.resolve(requireOption(parsed, 'out')),
      });
      return json ? print(result) : console.log(`Отчёт записан: ${result.file}`);
    }
    case 'backup': {
      const result = await api('database/backup', { file: requireOption(parsed, 'out') });
      return json ? print(result) : console.log(`Резервная копия: ${result.file}`);
    }
    default:
      throw new UsageError(`Неизвестная команда «${parsed.command}»`);
  }
}

// These work on the database file and its backups folder without opening the database, so a
// damaged database can still be restored.
const FILE_COMMANDS = new Set(['restore', 'backups']);

async function runFileCommand(parsed: Parsed): Promise<void> {
  const json = parsed.options.has('json');
  switch (parsed.command) {
    case 'restore': {
      const file = onePositional(parsed, 'файл резервной копии');
      const { keptAs } = await restoreDatabase(parsed.db, file);
      // Opening once migrates a copy made by an older version and proves it opens.
      closeWorkspace(openWorkspace(parsed.db));
      if (json) return print({ restored: path.resolve(file), keptAs });
      console.log(`База восстановлена из «${file}».${keptAs ? ` Прежняя база сохранена как «${keptAs}».` : ''}`);
      return;
    }
    case 'backups': {
      const backups = listBackups(parsed.db);
      if (json) return print(backups);
      if (backups.length === 0) console.log(`Резервных копий нет (папка «${backupFolderOf(parsed.db)}»).`);
      for (const b of backups) console.log(`${formatBackupMoment(b.takenAt)}\t${BACKUP_REASON_LABELS[b.reason]}\t${b.file}`);
      return;
    }
  }
}

export async function main(argv: string[]): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  let ws: Workspace | null = null;
  try {
    if (FILE_COMMANDS.has(parsed.command)) {
      await runFileCommand(parsed);
      return 0;
    }
    ws = openWorkspace(parsed.db);
    // Details of an internal failure go to a log beside the database, never to the officer's screen.
    const logFile = `${path.resolve(parsed.db)}.errors.log`;
    const log = (error: unknown) => appendFileSync(logFile, `${new Date().toISOString()} ${parsed.command}: ${(error as Error)?.stack ?? String(error)}\n`);
    const api = createApiClient(createDispatch(createHandlerContext(ws), log));
    await runCommand(parsed, api);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ApiCallError) {
      console.error(error.error.message);
      for (const detail of error.error.details?.slice(1, 10) ?? []) console.error(`  ${detail.where}: ${detail.message}`);
      return 1;
    }
    if (error instanceof InputError || error instanceof RestoreError || error instanceof MigrationError) {
      console.error(error.message);
      return 1;
    }
    console.error(`Не удалось выполнить команду: ${(error as Error).message}`);
    return 1;
  } finally {
    if (ws?.sqlite.open) closeWorkspace(ws);
  }
}

process.exitCode = await main(process.argv.slice(2));
