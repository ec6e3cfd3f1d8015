// The door for a page: the app's window over IPC, or the browser preview over the loopback
// bridge. Two endpoints write a file at the path their request names (reports/export,
// database/backup). The CLI may name any path it is given. A page may not: a page that
// went wrong could write files anywhere the user can write. A page may have a report
// written only at a path the officer chose in the save dialog, and only once. It can never
// ask for a backup: the main process takes backups itself, from the menu.

import type { MethodName } from '../../shared/api/contract';
import type { ApiResponse } from '../../shared/api/errors';
import type { Dispatch } from './dispatch';

export const FILE_NOT_CHOSEN_MESSAGE = 'Запрос отклонён: файл записывается только туда, куда указали в окне сохранения';

const REFUSED: ApiResponse<never> = { ok: false, error: { code: 'invalidRequest', message: FILE_NOT_CHOSEN_MESSAGE } };

const BACKUP: MethodName = 'database/backup';
const REPORT_EXPORT: MethodName = 'reports/export';

export interface WindowDispatch {
  dispatch: Dispatch;
  /**
   * Lets reports/export write at `file`, which the save dialog has just returned, once.
   * Returns `file`, so the path goes back to the page as it was recorded.
   */
  allowReportFile(file: string): string;
}

export function createWindowDispatch(dispatch: Dispatch): WindowDispatch {
  const reportFiles = new Set<string>();
  return {
    allowReportFile(file) {
      reportFiles.add(file);
      return file;
    },
    async dispatch(name, request) {
      if (name === BACKUP) return REFUSED;
      if (name === REPORT_EXPORT) {
        const file = typeof request === 'object' && request !== null ? (request as { file?: unknown }).file : undefined;
        if (typeof file !== 'string' || !reportFiles.delete(file)) return REFUSED;
      }
      return dispatch(name, request);
    },
  };
}
