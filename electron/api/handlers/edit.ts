// Every handler that writes goes through here: one transaction, one undo step, and — while an
// amendment is open — every part it touched is attributed to that amendment.

import { inEdit, type EditInfo } from '../../db/journal';
import { statement, type Workspace } from '../../db/workspace';

// Which entity a changed row belongs to, for the «(п. 3.1 в ред. …)» marks.
const OWNER_OF_ROW: Record<string, { entity: 'program' | 'node' | 'indicator'; column: string } | undefined> = {
  programs: { entity: 'program', column: 'id' },
  program_organisations: { entity: 'program', column: 'program_id' },
  approved_budget: { entity: 'program', column: 'program_id' },
  nodes: { entity: 'node', column: 'id' },
  node_executors: { entity: 'node', column: 'node_id' },
  financing: { entity: 'node', column: 'node_id' },
  quarterly_plan: { entity: 'node', column: 'node_id' },
  node_indicators: { entity: 'node', column: 'node_id' },
  indicators: { entity: 'indicator', column: 'id' },
  indicator_values: { entity: 'indicator', column: 'indicator_id' },
};

function onlyTimestampChanged(before: string, after: Record<string, unknown>): boolean {
  const old = JSON.parse(before) as Record<string, unknown>;
  return Object.keys(after).every((column) => column === 'updated_at' || old[column] === after[column]);
}

function attributeToOpenAmendment(ws: Workspace, editId: number): void {
  const edit = statement(ws, 'SELECT amendment_id FROM edits WHERE id = ?').get(editId) as { amendment_id: number | null } | undefined;
  if (!edit?.amendment_id) return;
  const changes = statement(ws, 'SELECT tbl, before, after FROM edit_changes WHERE edit_id = ?').all(editId) as {
    tbl: string;
    before: string | null;
    after: string | null;
  }[];
  const mark = statement(ws, 'INSERT OR IGNORE INTO amendment_targets (amendment_id, entity, entity_id) VALUES (?, ?, ?)');
  for (const change of changes) {
    const owner = OWNER_OF_ROW[change.tbl];
    if (!owner) continue;
    // A deleted part has nothing left to mark.
    if (change.after === null && owner.column === 'id') continue;
    const image = JSON.parse((change.after ?? change.before)!) as Record<string, unknown>;
    // Every edit refreshes the program's updated_at; only a real passport change marks it.
    if (change.tbl === 'programs' && change.before && onlyTimestampChanged(change.before, image)) continue;
    mark.run(edit.amendment_id, owner.entity, image[owner.column]);
  }
}

export function edit<T>(ws: Workspace, info: EditInfo, change: () => T): T {
  return inEdit(ws, info, (editId) => {
    const result = change();
    attributeToOpenAmendment(ws, editId);
    return result;
  });
}
