import { ApiFailure, type ApiErrorDetail } from '../../../shared/api/errors';
import {
  PROGRAM_DOCUMENT_FORMAT,
  PROGRAM_DOCUMENT_VERSION,
  programDocumentSchema,
  type ProgramDocument,
} from '../../../shared/programDocument';
import type { ProgramDetail } from '../../../shared/domain';
import { insertProgramDetail, loadProgramDetail } from '../../db/repositories/programDetail.repository';
import { APP_NAME } from '../../appInfo';
import { edit } from './edit';
import { programOrFail } from './programs';
import type { HandlerTable } from './types';

/** Every id a document refers to must be described in it. */
function danglingReferences(detail: ProgramDetail): ApiErrorDetail[] {
  const organisations = new Set(detail.organisations.map((o) => o.id));
  const nodes = new Set(detail.nodes.map((n) => n.id));
  const problems: ApiErrorDetail[] = [];
  const check = (ok: boolean, where: string, what: string) => ok || problems.push({ where, message: `ссылка на ${what}, которой нет в файле` });
  const org = (id: number | null, where: string) => check(id === null || organisations.has(id), where, `организацию ${id}`);
  const node = (id: number | null, where: string) => check(id === null || nodes.has(id), where, `часть программы ${id}`);
  org(detail.program.responsibleExecutorId, 'program.responsibleExecutorId');
  detail.program.coExecutorIds.forEach((id, i) => org(id, `program.coExecutorIds[${i}]`));
  detail.program.participantIds.forEach((id, i) => org(id, `program.participantIds[${i}]`));
  detail.nodes.forEach((n, i) => {
    node(n.parentId, `nodes[${i}].parentId`);
    n.executors.forEach((e, j) => org(e.organisationId, `nodes[${i}].executors[${j}]`));
  });
  detail.financing.forEach((f, i) => (node(f.nodeId, `financing[${i}]`), org(f.organisationId, `financing[${i}]`)));
  detail.quarterly.forEach((f, i) => (node(f.nodeId, `quarterly[${i}]`), org(f.organisationId, `quarterly[${i}]`)));
  detail.statedTotals.forEach((s, i) => (node(s.nodeId, `statedTotals[${i}]`), org(s.organisationId, `statedTotals[${i}]`)));
  detail.indicators.forEach((ind, i) => {
    node(ind.taskNodeId, `indicators[${i}].taskNodeId`);
    ind.nodeIds.forEach((id, j) => node(id, `indicators[${i}].nodeIds[${j}]`));
  });
  const indicators = new Set(detail.indicators.map((i) => i.id));
  detail.amendments.forEach((a, i) =>
    a.targets.forEach((t, j) =>
      check(t.entity === 'program' || (t.entity === 'node' ? nodes.has(t.entityId) : indicators.has(t.entityId)), `amendments[${i}].targets[${j}]`, `${t.entity} ${t.entityId}`),
    ),
  );
  return problems;
}

export const transferHandlers: HandlerTable<'transfer/export-json' | 'transfer/import-json'> = {
  'transfer/export-json': ({ ws }, { programId }): ProgramDocument => {
    const detail = loadProgramDetail(ws, programId);
    if (!detail) throw new ApiFailure('notFound', `Программа с номером ${programId} не найдена`);
    return { format: PROGRAM_DOCUMENT_FORMAT, version: PROGRAM_DOCUMENT_VERSION, exportedAt: new Date().toISOString(), app: APP_NAME, detail };
  },

  'transfer/import-json': ({ ws }, { document }) => {
    const header = document as { format?: unknown; version?: unknown } | null;
    if (header?.format === PROGRAM_DOCUMENT_FORMAT && typeof header.version === 'number' && header.version > PROGRAM_DOCUMENT_VERSION) {
      throw new ApiFailure('invalidInput', `Файл программы создан более новой версией Munplan (формат ${header.version}); обновите программу`);
    }
    const parsed = programDocumentSchema.safeParse(document);
    if (!parsed.success) {
      const details = parsed.error.issues.slice(0, 20).map((issue) => ({ where: issue.path.join('.') || 'файл', message: issue.message }));
      throw new ApiFailure('invalidInput', `Это не файл программы Munplan или он повреждён: ${details[0].where}: ${details[0].message}`, details);
    }
    const detail = parsed.data.detail as ProgramDetail;
    const dangling = danglingReferences(detail);
    if (dangling.length > 0) {
      throw new ApiFailure('invalidInput', `Файл программы повреждён: ${dangling[0].where}: ${dangling[0].message}`, dangling.slice(0, 20));
    }
    const { programId } = edit(ws, { action: 'transfer/import-json', summary: `Загружена программа «${detail.program.title}»`, programId: null }, () =>
      insertProgramDetail(ws, detail),
    );
    return programOrFail(ws, programId);
  },
};
