import { ApiFailure } from '../../../shared/api/errors';
import { getProgram, insertProgram, listProgramSummaries, updatePassport, deleteProgram } from '../../db/repositories/programs.repository';
import { insertProgramDetail, loadProgramDetail } from '../../db/repositories/programDetail.repository';
import { edit } from './edit';
import { requireOrganisations, requireProgram } from './guards';
import type { HandlerTable } from './types';
import type { Program } from '../../../shared/domain';
import type { Workspace } from '../../db/workspace';

export function programOrFail(ws: Workspace, programId: number): Program {
  const program = getProgram(ws, programId);
  if (!program) throw new ApiFailure('notFound', `Программа с номером ${programId} не найдена`);
  return program;
}

export const programHandlers: HandlerTable<
  'programs/list' | 'programs/create' | 'programs/get' | 'programs/update' | 'programs/delete' | 'programs/duplicate'
> = {
  'programs/list': ({ ws }) => listProgramSummaries(ws),

  'programs/create': ({ ws }, passport) => {
    requireOrganisations(ws, [passport.responsibleExecutorId, ...passport.coExecutorIds, ...passport.participantIds]);
    const id = edit(ws, { action: 'programs/create', summary: `Создана программа «${passport.title}»`, programId: null }, () =>
      insertProgram(ws, passport),
    );
    return programOrFail(ws, id);
  },

  'programs/get': ({ details }, { programId }) => {
    const detail = details.get(programId);
    if (!detail) throw new ApiFailure('notFound', `Программа с номером ${programId} не найдена`);
    return detail;
  },

  'programs/update': ({ ws }, { programId, changes }) => {
    const current = programOrFail(ws, programId);
    const periodStart = changes.periodStart ?? current.periodStart;
    const periodEnd = changes.periodEnd ?? current.periodEnd;
    if (periodEnd < periodStart) {
      throw new ApiFailure('invalidInput', `Год окончания (${periodEnd}) раньше года начала (${periodStart})`);
    }
    requireOrganisations(ws, [changes.responsibleExecutorId ?? null, ...(changes.coExecutorIds ?? []), ...(changes.participantIds ?? [])]);
    edit(ws, { action: 'programs/update', summary: `Изменён паспорт программы «${current.title}»`, programId }, () =>
      updatePassport(ws, programId, changes),
    );
    return programOrFail(ws, programId);
  },

  'programs/delete': ({ ws }, { programId }) => {
    const program = requireProgram(ws, programId);
    edit(ws, { action: 'programs/delete', summary: `Удалена программа «${program.title}»`, programId: null }, () =>
      deleteProgram(ws, programId),
    );
    return { deleted: programId };
  },

  'programs/duplicate': ({ ws }, { programId, title }) => {
    const detail = loadProgramDetail(ws, programId);
    if (!detail) throw new ApiFailure('notFound', `Программа с номером ${programId} не найдена`);
    const copyTitle = title ?? `${detail.program.title} (копия)`;
    const { programId: copyId } = edit(
      ws,
      { action: 'programs/duplicate', summary: `Создана копия программы «${detail.program.title}»`, programId: null },
      () => insertProgramDetail(ws, detail, copyTitle),
    );
    return programOrFail(ws, copyId);
  },
};
