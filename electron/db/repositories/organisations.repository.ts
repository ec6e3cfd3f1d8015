// Organisations and the spellings documents use for them. One body is written many ways
// («Администрация города Рязани, УЭиЦР, МКУ "ЦС"» and «Администрация города Рязани УЭиЦР,
// МКУ "ЦС"»); every spelling folds to a match key that names exactly one organisation.

import type { Organisation } from '../../../shared/domain';
import { all, first, run, type Workspace } from '../workspace';

/** Folds case, «ё», quotes, punctuation and word order, so spellings of one name coincide. */
export function organisationMatchKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„'’`]/g, ' ')
    .replace(/[.,;:()\-–—/\\]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}

export function listOrganisations(ws: Workspace, ids?: number[]): Organisation[] {
  let query = ws.sql.selectFrom('organisations').selectAll().orderBy('name');
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where('id', 'in', ids);
  }
  const organisations = all(ws, query);
  const aliasQuery = ws.sql.selectFrom('organisation_aliases').select(['organisation_id', 'alias']).orderBy('id');
  const aliases = all(ws, ids ? aliasQuery.where('organisation_id', 'in', ids) : aliasQuery);
  const byOrganisation = new Map<number, string[]>();
  for (const { organisation_id, alias } of aliases) {
    const list = byOrganisation.get(organisation_id) ?? [];
    list.push(alias);
    byOrganisation.set(organisation_id, list);
  }
  return organisations.map((row) => ({
    id: row.id,
    name: row.name,
    abbreviation: row.abbreviation,
    aliases: (byOrganisation.get(row.id) ?? []).filter((alias) => alias !== row.name && alias !== row.abbreviation),
  }));
}

export function findOrganisationBySpelling(ws: Workspace, spelling: string): number | null {
  const row = first(
    ws,
    ws.sql.selectFrom('organisation_aliases').select('organisation_id').where('match_key', '=', organisationMatchKey(spelling)),
  );
  return row?.organisation_id ?? null;
}

export class SpellingTakenError extends Error {
  constructor(
    readonly spelling: string,
    readonly organisationId: number,
  ) {
    super(`Написание «${spelling}» уже относится к другой организации (id ${organisationId})`);
  }
}

/** Registers a spelling for an organisation; a spelling of another body is refused. */
export function addSpelling(ws: Workspace, organisationId: number, spelling: string): void {
  const owner = findOrganisationBySpelling(ws, spelling);
  if (owner === organisationId) return;
  if (owner !== null) throw new SpellingTakenError(spelling, owner);
  run(
    ws,
    ws.sql
      .insertInto('organisation_aliases')
      .values({ organisation_id: organisationId, alias: spelling.trim(), match_key: organisationMatchKey(spelling) }),
  );
}

export function insertOrganisation(
  ws: Workspace,
  organisation: { name: string; abbreviation: string | null; aliases: string[] },
): number {
  const id = run(
    ws,
    ws.sql.insertInto('organisations').values({ name: organisation.name.trim(), abbreviation: organisation.abbreviation }),
  ).lastInsertRowid;
  for (const spelling of [organisation.name, ...(organisation.abbreviation ? [organisation.abbreviation] : []), ...organisation.aliases]) {
    addSpelling(ws, id, spelling);
  }
  return id;
}

/** The organisation a spelling names, created when no body is known by it. */
export function ensureOrganisation(ws: Workspace, spelling: string): number {
  return findOrganisationBySpelling(ws, spelling) ?? insertOrganisation(ws, { name: spelling, abbreviation: null, aliases: [] });
}

export function updateOrganisation(
  ws: Workspace,
  id: number,
  changes: { name?: string; abbreviation?: string | null; aliases?: string[] },
): void {
  if (changes.name !== undefined || changes.abbreviation !== undefined) {
    run(
      ws,
      ws.sql
        .updateTable('organisations')
        .set({
          ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
          ...(changes.abbreviation !== undefined ? { abbreviation: changes.abbreviation } : {}),
        })
        .where('id', '=', id),
    );
  }
  if (changes.aliases !== undefined || changes.name !== undefined || changes.abbreviation !== undefined) {
    const current = listOrganisations(ws, [id])[0];
    run(ws, ws.sql.deleteFrom('organisation_aliases').where('organisation_id', '=', id));
    const spellings = [current.name, ...(current.abbreviation ? [current.abbreviation] : []), ...(changes.aliases ?? current.aliases)];
    for (const spelling of spellings) addSpelling(ws, id, spelling);
  }
}

export function organisationExists(ws: Workspace, id: number): boolean {
  return !!first(ws, ws.sql.selectFrom('organisations').select('id').where('id', '=', id));
}
