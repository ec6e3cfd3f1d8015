// The transport is chosen once at start-up: Electron IPC when the preload put
// `window.munplan` on the page, otherwise the loopback bridge of the browser preview, which
// wants the token it printed in the address (#token=…). The token is kept for the tab's
// session and taken out of the address bar so it is not bookmarked or shared by accident.

import type { Transport } from '../../shared/api/client';
import type { ApiResponse } from '../../shared/api/errors';
import { unpackRows } from '../../shared/api/packedRows';
import { electronBridge } from './bridge';

const TOKEN_KEY = 'munplan.previewToken';

/** Thrown when the page was opened without the preview's token. */
export class MissingTokenError extends Error {
  constructor() {
    super('Откройте адрес, который напечатала команда «npm run preview» (с #token=… в конце).');
  }
}

/** Reads #token=… once, keeps it in sessionStorage and clears it from the address bar. */
export function takePreviewToken(location: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    const token = decodeURIComponent(match[1]);
    storage.setItem(TOKEN_KEY, token);
    window.history.replaceState(null, '', location.pathname + location.search);
    return token;
  }
  return storage.getItem(TOKEN_KEY);
}

export function loopbackTransport(token: string, endpoint = '/api'): Transport {
  return async (name, request) => {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ name, request }),
      });
    } catch {
      return failure('Нет связи с сервером предпросмотра: запущена ли команда «npm run preview»?');
    }
    if (response.status === 401) return failure('Сервер предпросмотра не принял ключ доступа: откройте адрес, который напечатала команда «npm run preview».');
    if (response.status === 413) return failure('Слишком большой файл для передачи (не более 70 МБ).');
    if (!response.ok) return failure(`Сервер предпросмотра ответил ошибкой ${response.status}.`);
    return unpackRows(await response.json()) as ApiResponse<unknown>;
  };
}

function failure(message: string): ApiResponse<unknown> {
  return { ok: false, error: { code: 'internal', message } };
}

export function chooseTransport(): Transport {
  const bridge = electronBridge();
  if (bridge) return (name, request) => bridge.invoke(name, request);
  const token = takePreviewToken();
  if (!token) throw new MissingTokenError();
  return loopbackTransport(token);
}
