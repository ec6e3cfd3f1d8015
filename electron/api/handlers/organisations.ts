import { ApiFailure } from '../../../shared/api/errors';
import {
  findOrganisationBySpelling,
  insertOrganisation,
  listOrganisations,
  organisationExists,
  updateOrganisation,
} from '../../db/repositories/organisations.repository';
import { edit } from './edit';
import type { HandlerTable } from './types';
import type { Workspace } from '../../db/workspace';

function refuseTakenSpellings(ws: Workspace, spellings: string[], except: number | null): void {
  for (const spelling of spellings) {
    const owner = findOrganisationBySpelling(ws, spelling);
    if (owner !== null && owner !== except) {
      const name = listOrganisations(ws, [owner])[0].name;
      throw new ApiFailure('conflict', `Написание «${spelling}» уже относится к организации «${name}»`);
    }
  }
}

export const organisationHandlers: HandlerTable<'organisations/list' | 'organisations/create' | 'organisations/update'> = {
  'organisations/list': ({ ws }) => listOrganisations(ws),

  'organisations/create': ({ ws }, { name, abbreviation, aliases }) => {
    refuseTakenSpellings(ws, [name, ...(abbreviation ? [abbreviation] : []), ...aliases], null);
    const id = edit(ws, { action: 'organisations/create', summary: `Добавлена организация «${name}»`, programId: null }, () =>
      insertOrganisation(ws, { name, abbreviation, aliases }),
    );
    return listOrganisations(ws, [id])[0];
  },

  'organisations/update': ({ ws }, { organisationId, changes }) => {
    if (!organisationExists(ws, organisationId)) throw new ApiFailure('notFound', `Организация с номером ${organisationId} не найдена`);
    refuseTakenSpellings(
      ws,
      [...(changes.name ? [changes.name] : []), ...(changes.abbreviation ? [changes.abbreviation] : []), ...(changes.aliases ?? [])],
      organisationId,
    );
    edit(ws, { action: 'organisations/update', summary: `Изменена организация «${changes.name ?? organisationId}»`, programId: null }, () =>
      updateOrganisation(ws, organisationId, changes),
    );
    return listOrganisations(ws, [organisationId])[0];
  },
};
