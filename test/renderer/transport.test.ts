// @vitest-environment jsdom
// The preview's token arrives once in the address fragment, is kept for the tab's session and
// leaves the address bar; Electron's bridge is preferred whenever the preload put it there.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseTransport, MissingTokenError, takePreviewToken } from '../../renderer/api/transport';

afterEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  delete window.munplan;
  vi.unstubAllGlobals();
});

describe('the preview token', () => {
  it('is read from #token=…, kept in sessionStorage and removed from the address', () => {
    window.history.replaceState(null, '', '/index.html?x=1#token=abc123');
    expect(takePreviewToken()).toBe('abc123');
    expect(window.location.hash).toBe('');
    expect(window.location.pathname + window.location.search).toBe('/index.html?x=1');
    expect(sessionStorage.getItem('munplan.previewToken')).toBe('abc123');
    // A reload has no fragment any more: the session keeps it.
    expect(takePreviewToken()).toBe('abc123');
  });

  it('without a token and without Electron the start-up says what to open', () => {
    expect(() => chooseTransport()).toThrow(MissingTokenError);
    expect(() => chooseTransport()).toThrow(/npm run preview/);
  });

  it('sends POST /api with the bearer token', async () => {
    window.history.replaceState(null, '', '/#token=t0k3n');
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, result: [] }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const transport = chooseTransport();
    expect(await transport('programs/list', {})).toEqual({ ok: true, result: [] });
    expect(fetchMock).toHaveBeenCalledWith('/api', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t0k3n' },
      body: JSON.stringify({ name: 'programs/list', request: {} }),
    });
  });

  it('turns a lost connection into a message in Russian, not an exception', async () => {
    sessionStorage.setItem('munplan.previewToken', 't');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const response = await chooseTransport()('programs/list', {});
    expect(response).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^Нет связи с сервером предпросмотра/) } });
  });

  it('prefers the Electron bridge when the preload exposed it', async () => {
    window.history.replaceState(null, '', '/#token=ignored');
    const invoke = vi.fn(async () => ({ ok: true as const, result: 'через IPC' }));
    window.munplan = { invoke, openFile: vi.fn(), saveFile: vi.fn(), onMenu: vi.fn(() => () => {}) };
    expect(await chooseTransport()('programs/list', {})).toEqual({ ok: true, result: 'через IPC' });
    expect(invoke).toHaveBeenCalledWith('programs/list', {});
    expect(sessionStorage.getItem('munplan.previewToken')).toBeNull();
  });
});
