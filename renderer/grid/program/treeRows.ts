// The program's parts in printed order with their depth, skipping what a collapsed part hides.

import { useCallback, useState } from 'react';
import type { ProgramNode } from '../../../shared/domain';
import type { ProgramTree } from '../../../shared/programTree';

export interface VisibleNode {
  node: ProgramNode;
  depth: number;
  hasChildren: boolean;
}

export function visibleNodes(tree: ProgramTree<ProgramNode>, collapsed: ReadonlySet<number>): VisibleNode[] {
  const shown: VisibleNode[] = [];
  const walk = (nodes: readonly ProgramNode[], depth: number) => {
    for (const node of nodes) {
      const children = tree.childrenOf(node.id);
      shown.push({ node, depth, hasChildren: children.length > 0 });
      if (children.length > 0 && !collapsed.has(node.id)) walk(children, depth + 1);
    }
  };
  walk(tree.roots, 0);
  return shown;
}

/** The parts that have children: what «Свернуть всё» collapses. */
export function parentIds(nodes: readonly ProgramNode[]): number[] {
  return [...new Set(nodes.map((n) => n.parentId).filter((id): id is number => id !== null))];
}

/** Which parts are collapsed, with the actions a screen needs. */
export function useCollapsed() {
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const toggle = useCallback((id: number) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  /** Opens every collapsed part among `ids` (a focused part's ancestors). */
  const reveal = useCallback((ids: readonly number[]) => {
    setCollapsed((current) => (ids.some((id) => current.has(id)) ? new Set([...current].filter((id) => !ids.includes(id))) : current));
  }, []);
  return { collapsed, setCollapsed, toggle, reveal };
}
