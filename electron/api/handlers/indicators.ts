import { ApiFailure } from '../../../shared/api/errors';
import type { Indicator } from '../../../shared/domain';
import {
  deleteIndicator,
  getIndicator,
  insertIndicator,
  setIndicatorLinks,
  setIndicatorValue,
  updateIndicator,
} from '../../db/repositories/indicators.repository';
import { touchProgram } from '../../db/repositories/programs.repository';
import type { HandlerContext } from '../context';
import { edit } from './edit';
import { requireIndicator, requireNodeOf, requireProgram } from './guards';
import type { HandlerTable } from './types';

/**
 * Runs a write of one indicator and returns it as read back. An indicator moves no sum and is
 * one entry of the program's detail, so the warm caches take it: the findings the grid asks
 * for next are not worked out from the whole program read again (1.2–1.6 s for 10 000 activities).
 */
function keepingCachesWarm(context: HandlerContext, programId: number, indicatorId: number, write: () => void): Indicator {
  const warm = { totals: context.totals.isWarm(programId), detail: context.details.isCurrent(programId) };
  write();
  const indicator = getIndicator(context.ws, programId, indicatorId)!;
  context.totals.movedNoSum(programId, warm.totals);
  context.details.indicatorUpdated(programId, indicator, warm.detail);
  return indicator;
}

export const indicatorHandlers: HandlerTable<
  'indicators/create' | 'indicators/update' | 'indicators/delete' | 'indicators/set-values' | 'indicators/link'
> = {
  'indicators/create': ({ ws }, { programId, ...fields }) => {
    requireProgram(ws, programId);
    if (fields.taskNodeId !== null) requireNodeOf(ws, programId, fields.taskNodeId);
    const id = edit(ws, { action: 'indicators/create', summary: `Добавлен показатель «${fields.name.slice(0, 60)}»`, programId }, () => {
      touchProgram(ws, programId);
      return insertIndicator(ws, programId, fields);
    });
    return getIndicator(ws, programId, id)!;
  },

  'indicators/update': (context, { indicatorId, changes }) => {
    const { ws } = context;
    const indicator = requireIndicator(ws, indicatorId);
    if (changes.taskNodeId != null) requireNodeOf(ws, indicator.programId, changes.taskNodeId);
    return keepingCachesWarm(context, indicator.programId, indicatorId, () =>
      edit(ws, { action: 'indicators/update', summary: `Изменён показатель «${indicator.name.slice(0, 60)}»`, programId: indicator.programId }, () => {
        touchProgram(ws, indicator.programId);
        updateIndicator(ws, indicatorId, changes);
      }),
    );
  },

  'indicators/delete': ({ ws }, { indicatorId }) => {
    const indicator = requireIndicator(ws, indicatorId);
    edit(ws, { action: 'indicators/delete', summary: `Удалён показатель «${indicator.name.slice(0, 60)}»`, programId: indicator.programId }, () => {
      touchProgram(ws, indicator.programId);
      deleteIndicator(ws, indicatorId);
    });
    return { deleted: indicatorId };
  },

  'indicators/set-values': (context, { indicatorId, values }) => {
    const { ws } = context;
    const indicator = requireIndicator(ws, indicatorId);
    const program = requireProgram(ws, indicator.programId);
    const outside = values.find((v) => v.type === 'plan' && (v.year < program.periodStart || v.year > program.periodEnd));
    if (outside) {
      throw new ApiFailure('invalidInput', `План на ${outside.year} год вне срока программы (${program.periodStart}–${program.periodEnd})`);
    }
    return keepingCachesWarm(context, indicator.programId, indicatorId, () =>
      edit(ws, { action: 'indicators/set-values', summary: `Значения показателя «${indicator.name.slice(0, 60)}»`, programId: indicator.programId }, () => {
        touchProgram(ws, indicator.programId);
        for (const value of values) setIndicatorValue(ws, indicatorId, value);
      }),
    );
  },

  'indicators/link': ({ ws }, { indicatorId, nodeIds }) => {
    const indicator = requireIndicator(ws, indicatorId);
    for (const nodeId of nodeIds) requireNodeOf(ws, indicator.programId, nodeId);
    edit(ws, { action: 'indicators/link', summary: `Связи показателя «${indicator.name.slice(0, 60)}»`, programId: indicator.programId }, () => {
      touchProgram(ws, indicator.programId);
      setIndicatorLinks(ws, indicatorId, nodeIds);
    });
    return getIndicator(ws, indicator.programId, indicatorId)!;
  },
};
