// The loopback bridge: the same handlers as Electron IPC, over HTTP on 127.0.0.1 only, for the
// browser preview and the end-to-end tests. It serves the built renderer and one endpoint,
// POST /api {name, request} → ApiResponse, its long lists packed (shared/api/packedRows.ts).
// Other pages the browser has open must not reach it: every call needs the random token the
// preview prints in the page's address, and a Host header naming this very port (a
// DNS-rebinding page would send its own host name).

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { packRows } from '../../shared/api/packedRows';
import type { Dispatch } from '../api/dispatch';
import { createWindowDispatch } from '../api/windowDispatch';
import { contentTypeOf, readStaticFile, resolveStaticPath } from './staticFiles';

export const LOOPBACK_HOST = '127.0.0.1';

/** A 50 MB import travels as base64 inside JSON: about 67 MB, plus room for the envelope. */
export const MAX_BODY_BYTES = 72 * 1024 * 1024;

/** The page's policy, as the app's index.html states it, plus what only a header can say. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface LoopbackBridgeOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** Only the loopback address is accepted. */
  host?: typeof LOOPBACK_HOST;
  /** 0: any free port. */
  port?: number;
}

export interface LoopbackBridge {
  /** The page's address with the token in its fragment: http://127.0.0.1:PORT/#token=… */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function sendJson(response: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  response.end(text);
}

/** Bodies up to this size are read and dropped after a refusal, keeping the connection. */
const DRAINED_BODY_BYTES = 1024 * 1024;

function refuse(request: IncomingMessage, response: ServerResponse, status: number, message: string): void {
  // A small body is drained (Node does it once the response ends), so the client reads the
  // answer instead of a reset; a large or unbounded one is not read: the connection closes.
  const declared = Number(request.headers['content-length'] ?? 0);
  const close = !request.complete && (request.headers['transfer-encoding'] !== undefined || !(declared <= DRAINED_BODY_BYTES));
  sendJson(response, status, { ok: false, error: { code: 'invalidRequest', message } }, close ? { Connection: 'close' } : {});
}

function tokenMatches(header: string | undefined, token: Buffer): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]);
  return given.length === token.length && timingSafeEqual(given, token);
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'tooLarge'> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return resolve('tooLarge');
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        request.pause();
        resolve('tooLarge');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

export async function startLoopbackBridge(options: LoopbackBridgeOptions): Promise<LoopbackBridge> {
  const host = options.host ?? LOOPBACK_HOST;
  if (host !== LOOPBACK_HOST) throw new Error(`Мост предпросмотра слушает только ${LOOPBACK_HOST}, не «${String(host)}»`);
  // The page's door, as the app window's; no save dialog here grants a path, so no file is
  // written at a page's word: the browser saves reports itself (reports/render).
  const pageDispatch = createWindowDispatch(options.dispatch).dispatch;
  const token = randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token);
  let port = 0;

  const hostAllowed = (header: string | undefined) => {
    const value = (header ?? '').toLowerCase();
    return value === `${LOOPBACK_HOST}:${port}` || value === `localhost:${port}`;
  };

  async function handleApi(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!tokenMatches(request.headers.authorization, tokenBytes)) {
      return refuse(request, response, 401, 'Нужен ключ доступа: откройте адрес, который напечатала команда npm run preview');
    }
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === 'tooLarge') return refuse(request, response, 413, `Запрос больше ${Math.round(MAX_BODY_BYTES / 1024 / 1024)} МБ`);
    let call: { name?: unknown; request?: unknown };
    try {
      call = JSON.parse(body.toString('utf8')) as typeof call;
    } catch {
      return refuse(request, response, 400, 'Запрос не является JSON');
    }
    if (typeof call !== 'object' || call === null || typeof call.name !== 'string') {
      return refuse(request, response, 400, 'В запросе нет имени операции (name)');
    }
    const result = await pageDispatch(call.name, call.request);
    sendJson(response, 200, packRows(result));
  }

  async function handleStatic(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    const file = resolveStaticPath(options.staticDir, pathname);
    const bytes = file ? await readStaticFile(file) : null;
    if (!file || !bytes) return refuse(request, response, 404, 'Не найдено');
    response.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': contentTypeOf(file),
      'Content-Length': bytes.length,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : bytes);
  }

  const server = createServer((request, response) => {
    const route = async () => {
      if (!hostAllowed(request.headers.host)) return refuse(request, response, 403, 'Неверный заголовок Host');
      const pathname = new URL(request.url ?? '/', 'http://loopback').pathname;
      if (pathname === '/api' && request.method === 'POST') return handleApi(request, response);
      if (pathname !== '/api' && (request.method === 'GET' || request.method === 'HEAD')) return handleStatic(request, response, pathname);
      return refuse(request, response, 404, 'Не найдено');
    };
    route().catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: 'Внутренняя ошибка моста предпросмотра' } });
      else response.destroy();
    });
  });
  server.headersTimeout = 60_000;
  server.requestTimeout = 10 * 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK_HOST, port: options.port ?? 0, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${LOOPBACK_HOST}:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
