import { backupDatabase } from '../../db/backup';
import type { HandlerTable } from './types';

export const databaseHandlers: HandlerTable<'database/backup'> = {
  'database/backup': ({ ws }, { file }) => backupDatabase(ws, file),
};
