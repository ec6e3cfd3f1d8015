// The loopback bridge of the browser preview: only this machine, only with the token, only for
// a page addressed to this very port, and only the built renderer's own files.

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client';
import type { Dispatch } from '../../electron/api/dispatch';
import { FILE_NOT_CHOSEN_MESSAGE } from '../../electron/api/windowDispatch';
import { startLoopbackBridge, type LoopbackBridge } from '../../electron/bridge/loopbackBridge';
import { loopbackTransport } from '../../renderer/api/transport';
import { createTestWorkspace, type TestWorkspace } from '../support/testWorkspace';

let workspace: TestWorkspace;
let bridge: LoopbackBridge;
let staticDir: string;
let dispatched: string[];

beforeAll(async () => {
  workspace = createTestWorkspace();
  staticDir = mkdtempSync(path.join(tmpdir(), 'munplan-static-'));
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Munplan</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(staticDir, '.secret'), 'hidden');
  // Something next to the folder that a traversal would reach.
  writeFileSync(path.join(staticDir, '..', `${path.basename(staticDir)}-outside.txt`), 'outside');
  const dispatch: Dispatch = (name, request) => {
    dispatched.push(name);
    return workspace.dispatch(name, request);
  };
  bridge = await startLoopbackBridge({ dispatch, staticDir, host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await bridge?.close();
  workspace?.dispose();
  rmSync(path.join(staticDir, '..', `${path.basename(staticDir)}-outside.txt`), { force: true });
  rmSync(staticDir, { recursive: true, force: true });
});

beforeEach(() => {
  dispatched = [];
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the Host header and the path go out exactly as written. */
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string; host?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: options.host ?? '127.0.0.1',
        port: bridge.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${bridge.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (name: string, headers: Record<string, string> = {}, body = JSON.stringify({ name, request: {} })) =>
  send({ method: 'POST', path: '/api', headers: { 'Content-Type': 'application/json', ...headers }, body });
const bearer = () => ({ Authorization: `Bearer ${bridge.token}` });

describe('the loopback bridge', () => {
  it('prints an address on 127.0.0.1 with a 32-byte random token in the fragment', () => {
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`);
  });

  it('answers a real call with the token: programs/list → 200', async () => {
    await workspace.api('programs/create', { title: 'Через мост', periodStart: 2022, periodEnd: 2024 });
    const response = await call('programs/list', bearer());
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true, result: [expect.objectContaining({ title: 'Через мост' })] });
    expect(dispatched).toEqual(['programs/list']);
  });

  it('the renderer\'s transport and typed client work over it', async () => {
    const api = createApiClient(loopbackTransport(bridge.token, `http://127.0.0.1:${bridge.port}/api`));
    expect((await api('programs/list', {})).length).toBeGreaterThanOrEqual(0);
    await expect(api('programs/get', { programId: 999 })).rejects.toThrow('Программа с номером 999 не найдена');
    const wrong = createApiClient(loopbackTransport('0'.repeat(64), `http://127.0.0.1:${bridge.port}/api`));
    await expect(wrong('programs/list', {})).rejects.toThrow(/не принял ключ доступа/);
  });

  it('refuses a missing or wrong token with 401 and dispatches nothing', async () => {
    const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong' }, { Authorization: `Bearer ${bridge.token.slice(0, -1)}${bridge.token.endsWith('0') ? '1' : '0'}` }, { Authorization: bridge.token }, { Authorization: `Basic ${bridge.token}` }];
    for (const headers of attempts) {
      const response = await call('programs/list', headers);
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body).ok).toBe(false);
    }
    expect(dispatched).toEqual([]);
  });

  it('refuses a Host header that is not this address and port with 403 (DNS rebinding), even with the token', async () => {
    for (const host of ['evil.example:' + bridge.port, `127.0.0.1:${bridge.port + 1}`, '127.0.0.1', `localhost.evil.example:${bridge.port}`]) {
      const api = await call('programs/list', { ...bearer(), Host: host });
      expect(api.status).toBe(403);
      const page = await send({ path: '/', headers: { Host: host } });
      expect(page.status).toBe(403);
    }
    expect((await call('programs/list', { ...bearer(), Host: `localhost:${bridge.port}` })).status).toBe(200);
    expect(dispatched).toEqual(['programs/list']);
  });

  it('answers malformed JSON and a call without a name with 400', async () => {
    expect((await call('x', bearer(), '{not json')).status).toBe(400);
    expect((await call('x', bearer(), JSON.stringify({ request: {} }))).status).toBe(400);
    expect(dispatched).toEqual([]);
  });

  it('passes the handlers\' own refusals through as data', async () => {
    const response = await call('no/such', bearer());
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'unknownMethod' } });
  });

  it('writes no file at a page\'s word: reports/export and database/backup are refused, nothing is written', async () => {
    const program = await workspace.api('programs/create', { title: 'Отчёт через мост', periodStart: 2022, periodEnd: 2024 });
    const file = path.join(staticDir, '..', `${path.basename(staticDir)}-written.pdf`);
    const requests = {
      'reports/export': { programId: program.id, report: 'passport', format: 'pdf', year: null, file },
      'database/backup': { file },
    };
    for (const [name, request] of Object.entries(requests)) {
      const response = await call(name, bearer(), JSON.stringify({ name, request }));
      expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'invalidRequest', message: FILE_NOT_CHOSEN_MESSAGE } });
    }
    expect(existsSync(file)).toBe(false);
    expect(dispatched).toEqual([]);
    // The browser's way still works: the report's bytes, saved by the browser itself.
    const rendered = await call('reports/render', bearer(), JSON.stringify({ name: 'reports/render', request: { programId: program.id, report: 'passport', format: 'pdf' } }));
    expect(Buffer.from(JSON.parse(rendered.body).result.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a body over the limit with 413 before reading it', async () => {
    const response = await send({ method: 'POST', path: '/api', headers: { ...bearer(), 'Content-Type': 'application/json', 'Content-Length': String(80 * 1024 * 1024) }, body: '' }).catch(
      (error: NodeJS.ErrnoException) => ({ status: error.code === 'ECONNRESET' ? 413 : 0, headers: {}, body: '' }),
    );
    expect(response.status).toBe(413);
    expect(dispatched).toEqual([]);
  });

  it('serves the built renderer with its content type and the CSP header', async () => {
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toContain('<title>Munplan</title>');
    const script = await send({ path: '/assets/app.js?v=1' });
    expect([script.status, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('refuses path traversal, hidden files and unknown paths with 404', async () => {
    const outside = `${path.basename(staticDir)}-outside.txt`;
    for (const target of [`/../${outside}`, `/%2e%2e/${outside}`, `/assets/%2e%2e/%2e%2e/${outside}`, `/..%2f${outside}`, '/%2e%2e%5c..%5cetc%5cpasswd', '/.secret', '/missing.js', '/assets', '/%00']) {
      const response = await send({ path: target });
      expect({ target, status: response.status }).toEqual({ target, status: 404 });
      expect(response.body).not.toContain('outside');
      expect(response.body).not.toContain('hidden');
    }
    expect((await send({ method: 'GET', path: '/api', headers: bearer() })).status).toBe(404);
    expect((await send({ method: 'DELETE', path: '/index.html' })).status).toBe(404);
  });

  it('binds 127.0.0.1 only', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;
    if (external) {
      await expect(send({ path: '/', host: external, headers: { Host: `${external}:${bridge.port}` } })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }
    await expect(send({ path: '/', host: '::1' })).rejects.toMatchObject({ code: expect.stringMatching(/ECONNREFUSED|EADDRNOTAVAIL|EAFNOSUPPORT/) });
    await expect(startLoopbackBridge({ dispatch: workspace.dispatch, staticDir, host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(/только 127\.0\.0\.1/);
  });
});
