import { ApiFailure } from '../../../shared/api/errors';
import { NODE_KIND_LABELS } from '../../../shared/domain';
import { deleteSubtree, getNode, insertNode, moveNode, subtreeIds, updateNode } from '../../db/repositories/nodes.repository';
import { touchProgram } from '../../db/repositories/programs.repository';
import { edit } from './edit';
import { requireNode, requireNodeOf, requireOrganisations, requireProgram } from './guards';
import type { HandlerTable } from './types';

function nodeLabel(node: { code: string; title: string }): string {
  return node.code ? `п. ${node.code}` : `«${node.title.slice(0, 60)}»`;
}

export const nodeHandlers: HandlerTable<'nodes/create' | 'nodes/update' | 'nodes/move' | 'nodes/delete'> = {
  'nodes/create': ({ ws }, request) => {
    requireProgram(ws, request.programId);
    if (request.parentId !== null) requireNodeOf(ws, request.programId, request.parentId);
    requireOrganisations(ws, request.executors.map((e) => e.organisationId));
    const { programId, parentId, position, ...fields } = request;
    const id = edit(
      ws,
      { action: 'nodes/create', summary: `Добавлено: ${NODE_KIND_LABELS[fields.kind]} ${nodeLabel(fields)}`, programId },
      () => {
        touchProgram(ws, programId);
        return insertNode(ws, programId, parentId, position, fields);
      },
    );
    return getNode(ws, id)!;
  },

  'nodes/update': ({ ws, totals, details }, { nodeId, changes }) => {
    const node = requireNode(ws, nodeId);
    if (changes.executors) requireOrganisations(ws, changes.executors.map((e) => e.organisationId));
    const warm = { totals: totals.isWarm(node.programId), detail: details.isCurrent(node.programId) };
    edit(ws, { action: 'nodes/update', summary: `Изменено: ${nodeLabel(node)}`, programId: node.programId }, () => {
      touchProgram(ws, node.programId);
      updateNode(ws, nodeId, changes);
    });
    const updated = getNode(ws, nodeId)!;
    // A part's own fields move no sum: the caches take the part rather than read the program again.
    totals.movedNoSum(node.programId, warm.totals, updated);
    details.partUpdated(node.programId, updated, warm.detail);
    return updated;
  },

  'nodes/move': ({ ws }, { nodeId, parentId, position }) => {
    const node = requireNode(ws, nodeId);
    if (parentId !== null) {
      requireNodeOf(ws, node.programId, parentId);
      if (subtreeIds(ws, nodeId).includes(parentId)) {
        throw new ApiFailure('conflict', `Нельзя переместить ${nodeLabel(node)} внутрь самого себя`);
      }
    }
    edit(ws, { action: 'nodes/move', summary: `Перемещено: ${nodeLabel(node)}`, programId: node.programId }, () => {
      touchProgram(ws, node.programId);
      moveNode(ws, node.programId, nodeId, node.parentId, parentId, position);
    });
    return getNode(ws, nodeId)!;
  },

  'nodes/delete': ({ ws }, { nodeId }) => {
    const node = requireNode(ws, nodeId);
    const deletedNodes = edit(ws, { action: 'nodes/delete', summary: `Удалено: ${nodeLabel(node)} с вложенными`, programId: node.programId }, () => {
      touchProgram(ws, node.programId);
      return deleteSubtree(ws, node.programId, nodeId, node.parentId);
    });
    return { deletedNodes };
  },
};
