// Who the main process answers, and which files the app:// scheme serves.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResponseHeaders, resolveAppRequest } from '../../electron/shell/appProtocol';
import { APP_ENTRY_URL, isTrustedSender, type SenderFrame } from '../../electron/shell/ipcGuard';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/windowOptions';

const OUR_CONTENTS = 7;
const isAppWindow = (id: number) => id === OUR_CONTENTS;
const top = (url: string): SenderFrame => ({ url, parent: null });
const event = (senderFrame: SenderFrame | null, id = OUR_CONTENTS) => ({ sender: { id }, senderFrame });

describe('isTrustedSender', () => {
  it("answers the top frame of the app's window on its own page", () => {
    expect(isTrustedSender(event(top(APP_ENTRY_URL)), isAppWindow)).toBe(true);
    expect(isTrustedSender(event(top('app://munplan/index.html#/program/3')), isAppWindow)).toBe(true);
  });

  it('refuses a subframe, even one of the app', () => {
    expect(isTrustedSender(event({ url: APP_ENTRY_URL, parent: top(APP_ENTRY_URL) }), isAppWindow)).toBe(false);
  });

  it('refuses other origins and special pages', () => {
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:5173/',
      'file:///app/dist/renderer/index.html',
      'devtools://devtools/bundled/inspector.html',
      'about:blank',
      'chrome-error://chromewebdata/',
      'app://munplan.evil.org/index.html',
      'app://evil@munplan/index.html',
      'app://other/index.html',
      '',
      'not a url',
    ]) {
      expect(isTrustedSender(event(top(url)), isAppWindow), url).toBe(false);
    }
  });

  it('refuses another web contents and a frame that is gone', () => {
    expect(isTrustedSender(event(top(APP_ENTRY_URL), 8), isAppWindow)).toBe(false);
    expect(isTrustedSender(event(null), isAppWindow)).toBe(false);
  });
});

describe('the app:// scheme', () => {
  const root = path.resolve('/srv/munplan/dist/renderer');

  it('serves files of the renderer folder', () => {
    expect(resolveAppRequest('app://munplan/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest('app://munplan/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest('app://munplan/assets/index-1a2b.js?v=1', root)).toBe(path.join(root, 'assets', 'index-1a2b.js'));
    expect(resolveAppRequest('app://munplan/assets/%D0%B3%D0%B5%D1%80%D0%B1.svg', root)).toBe(path.join(root, 'assets', 'герб.svg'));
  });

  it('keeps dot segments inside the folder, as URLs do', () => {
    expect(resolveAppRequest('app://munplan/../package.json', root)).toBe(path.join(root, 'package.json'));
    expect(resolveAppRequest('app://munplan/%2e%2e/%2E%2E/package.json', root)).toBe(path.join(root, 'package.json'));
  });

  it('serves nothing outside it, nor for another host', () => {
    for (const url of [
      'app://munplan/assets/..%2F..%2F..%2Fpackage.json',
      'app://munplan/%2F..%2F..%2Fpackage.json',
      ...(path.sep === '\\' ? ['app://munplan/..%5C..%5Cpackage.json'] : []),
      'app://munplan/%00',
      'app://munplan/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      expect(resolveAppRequest(url, root), url).toBeNull();
    }
  });

  it('sends the policy and the type with every file', () => {
    expect(appResponseHeaders('/x/index.html')).toEqual({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    expect(appResponseHeaders('/x/a.JS')['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(appResponseHeaders('/x/blob.bin')['Content-Type']).toBe('application/octet-stream');
  });
});
