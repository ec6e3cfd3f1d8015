// A program's totals lines found by part without a search: the lines keep their order through
// every patch, so their positions are worked out once per loaded totals and handed on to each
// patched copy. With 10 000 parts, rebuilding a map of them on every typed amount cost more
// than the rest of the edit.

import type { TotalsView } from '../../shared/api/contract';

type PartLine = TotalsView['nodes'][number];

const positionsByLines = new WeakMap<readonly PartLine[], ReadonlyMap<number, number>>();

function positionsOf(lines: readonly PartLine[]): ReadonlyMap<number, number> {
  let positions = positionsByLines.get(lines);
  if (!positions) positionsByLines.set(lines, (positions = new Map(lines.map((line, i) => [line.nodeId, i]))));
  return positions;
}

export function totalsLineOf(totals: TotalsView, nodeId: number): PartLine | undefined {
  const position = positionsOf(totals.nodes).get(nodeId);
  return position === undefined ? undefined : totals.nodes[position];
}

/** A copy of the lines with those of the given parts replaced by `patch`'s; the rest are the same objects. */
export function patchTotalsLines(lines: readonly PartLine[], nodeIds: Iterable<number>, patch: (line: PartLine) => PartLine): PartLine[] {
  const positions = positionsOf(lines);
  const patched = lines.slice();
  for (const nodeId of nodeIds) {
    const position = positions.get(nodeId);
    if (position !== undefined) patched[position] = patch(patched[position]);
  }
  positionsByLines.set(patched, positions);
  return patched;
}
