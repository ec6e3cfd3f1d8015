// What a patch of a stored list did, kept beside the list it made. A screen that indexed the
// list before learns which rows went and which came without comparing 180 000 rows: an amount
// edit replaces one.

interface RowPatch {
  /** Held weakly: a record must not keep every earlier list of 180 000 rows alive. */
  before: WeakRef<readonly unknown[]>;
  removed: readonly unknown[];
  added: readonly unknown[];
}

const patches = new WeakMap<readonly unknown[], RowPatch>();

/** Records that `after` is `before` without the `removed` rows and with the `added` ones. */
export function recordRowPatch<R>(before: readonly R[], after: readonly R[], removed: readonly R[], added: readonly R[]): void {
  patches.set(after, { before: new WeakRef(before), removed, added });
}

/**
 * The rows of `before` gone from `after` and the rows new in `after`, when `after` was made from
 * `before` by recorded patches that change at most `limit` rows in all; otherwise null.
 */
export function rowChangesSince<R>(before: readonly R[], after: readonly R[], limit: number): { removed: R[]; added: R[] } | null {
  const steps: RowPatch[] = [];
  let changed = 0;
  for (let at = after; at !== before; ) {
    const patch = patches.get(at);
    const previous = patch?.before.deref() as readonly R[] | undefined;
    if (!patch || !previous) return null;
    changed += patch.removed.length + patch.added.length;
    if (changed > limit) return null;
    steps.push(patch);
    at = previous;
  }
  // Oldest first: a row one patch added and a later one removed was never in `before`.
  const removed: R[] = [];
  const added = new Set<R>();
  for (let i = steps.length - 1; i >= 0; i--) {
    for (const row of steps[i].removed as readonly R[]) {
      if (!added.delete(row)) removed.push(row);
    }
    for (const row of steps[i].added as readonly R[]) added.add(row);
  }
  return { removed, added: [...added] };
}
