// The program's parts as a tree: children by parent, in printed order.

/** What placing a part in the tree needs. */
export interface TreeNode {
  id: number;
  parentId: number | null;
  position: number;
}

export interface ProgramTree<N extends TreeNode> {
  roots: N[];
  childrenOf(nodeId: number): N[];
  byId: ReadonlyMap<number, N>;
  /** Every node, parents before children, siblings by position: the order the tables print. */
  depthFirst: N[];
  depthOf(nodeId: number): number;
  /** The node and all its ancestors' ids, nearest first. */
  ancestorsOf(nodeId: number): number[];
}

export function buildProgramTree<N extends TreeNode>(nodes: readonly N[]): ProgramTree<N> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const children = new Map<number | null, N[]>();
  for (const node of nodes) {
    const parent = node.parentId !== null && byId.has(node.parentId) ? node.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(node);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  const depth = new Map<number, number>();
  const depthFirst: N[] = [];
  const stack: [N, number][] = (children.get(null) ?? []).map((n) => [n, 0] as [N, number]).reverse();
  while (stack.length > 0) {
    const [node, level] = stack.pop()!;
    depthFirst.push(node);
    depth.set(node.id, level);
    const kids = children.get(node.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], level + 1]);
  }
  return {
    roots: children.get(null) ?? [],
    childrenOf: (id) => children.get(id) ?? [],
    byId,
    depthFirst,
    depthOf: (id) => depth.get(id) ?? 0,
    ancestorsOf(id) {
      const chain: number[] = [];
      for (let node = byId.get(id); node; node = node.parentId === null ? undefined : byId.get(node.parentId)) {
        chain.push(node.id);
      }
      return chain;
    },
  };
}
