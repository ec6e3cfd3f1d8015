import { amendmentCitation } from '../../../shared/amendmentNote';
import type { Edition } from '../../../shared/api/contract';
import { ApiFailure } from '../../../shared/api/errors';
import type { ProgramDetail } from '../../../shared/domain';
import { compareEditions } from '../../core/editionDiff';
import {
  addAmendmentTargets,
  closeAmendment,
  getAmendment,
  insertAmendment,
  listAmendments,
  listEditions,
  loadEdition,
  openAmendmentId,
  saveEdition,
} from '../../db/repositories/amendments.repository';
import { loadProgramDetail } from '../../db/repositories/programDetail.repository';
import type { Workspace } from '../../db/workspace';
import { edit } from './edit';
import { requireProgram } from './guards';
import type { HandlerTable } from './types';

type EditionRef = { kind: 'current' } | { kind: 'before' | 'after'; amendmentId: number };

function editionLabel(ws: Workspace, ref: EditionRef): string {
  if (ref.kind === 'current') return 'Текущая редакция';
  const amendment = getAmendment(ws, ref.amendmentId);
  const act = amendment ? amendmentCitation(amendment) : `редакция ${ref.amendmentId}`;
  return ref.kind === 'before' ? `До изменений ${act}` : `В редакции ${act}`;
}

function loadEditionOrFail(ws: Workspace, programId: number, ref: EditionRef): ProgramDetail {
  const detail = ref.kind === 'current' ? loadProgramDetail(ws, programId) : loadEdition(ws, programId, ref.amendmentId, ref.kind);
  if (!detail) throw new ApiFailure('notFound', `${editionLabel(ws, ref)}: такой редакции программы нет`);
  return detail;
}

export const amendmentHandlers: HandlerTable<
  'amendments/open' | 'amendments/close' | 'amendments/list' | 'amendments/mark' | 'amendments/editions' | 'amendments/compare'
> = {
  'amendments/open': ({ ws }, { programId, ...act }) => {
    requireProgram(ws, programId);
    const open = openAmendmentId(ws, programId);
    if (open !== null) {
      throw new ApiFailure('conflict', `Уже открыты изменения ${amendmentCitation(getAmendment(ws, open)!)}: закройте их, прежде чем открывать новые`);
    }
    const id = edit(ws, { action: 'amendments/open', summary: `Открыты изменения ${amendmentCitation(act)}`, programId }, () => {
      // The «before» edition is taken first, so it shows the program as the act found it.
      const amendmentId = insertAmendment(ws, programId, act);
      saveEdition(ws, programId, amendmentId, 'before');
      return amendmentId;
    });
    return getAmendment(ws, id)!;
  },

  'amendments/close': ({ ws }, { programId }) => {
    requireProgram(ws, programId);
    const open = openAmendmentId(ws, programId);
    if (open === null) throw new ApiFailure('conflict', 'Нет открытых изменений');
    const amendment = getAmendment(ws, open)!;
    edit(ws, { action: 'amendments/close', summary: `Закрыты изменения ${amendmentCitation(amendment)}`, programId }, () => {
      closeAmendment(ws, open);
      saveEdition(ws, programId, open, 'after');
    });
    return getAmendment(ws, open)!;
  },

  'amendments/list': ({ ws }, { programId }) => {
    requireProgram(ws, programId);
    return listAmendments(ws, programId);
  },

  'amendments/mark': ({ ws }, { amendmentId, targets }) => {
    const amendment = getAmendment(ws, amendmentId);
    if (!amendment) throw new ApiFailure('notFound', `Изменения с номером ${amendmentId} не найдены`);
    edit(ws, { action: 'amendments/mark', summary: `Отмечены строки изменений ${amendmentCitation(amendment)}`, programId: amendment.programId }, () =>
      addAmendmentTargets(ws, amendmentId, targets),
    );
    return getAmendment(ws, amendmentId)!;
  },

  'amendments/editions': ({ ws }, { programId }) => {
    requireProgram(ws, programId);
    const editions: Edition[] = listEditions(ws, programId).map((e) => {
      const ref = { kind: e.moment, amendmentId: e.amendmentId } as const;
      return { ref, label: editionLabel(ws, ref), takenAt: e.takenAt };
    });
    return [...editions, { ref: { kind: 'current' }, label: editionLabel(ws, { kind: 'current' }), takenAt: null }];
  },

  'amendments/compare': ({ ws }, { programId, from, to }) => {
    requireProgram(ws, programId);
    const before = loadEditionOrFail(ws, programId, from);
    const after = loadEditionOrFail(ws, programId, to);
    return { from: editionLabel(ws, from), to: editionLabel(ws, to), changes: compareEditions(before, after) };
  },
};
