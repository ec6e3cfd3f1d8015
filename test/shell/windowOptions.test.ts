// The window's security settings and the page's Content-Security-Policy, as main.ts applies them.

import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  isPermissionAllowed,
  mainWindowOptions,
} from '../../electron/shell/windowOptions';

const options = mainWindowOptions({ preload: '/app/dist/electron/preload.cjs', bounds: { x: 10, y: 20, width: 1200, height: 800 }, devTools: false });

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('main window options', () => {
  it('isolates the page from Node and Electron', () => {
    const prefs = options.webPreferences;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(prefs.devTools).toBe(false);
  });

  it('opens at the given bounds, hidden until ready', () => {
    expect(options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, show: false, title: 'Munplan' });
  });
});

describe('Content-Security-Policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it("loads everything from the app's own origin", () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });

  it('allows no eval, nothing inline and no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-inline'");
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).not.toMatch(/^(\*|https?:|wss?:|file:|[a-z0-9.-]+\.[a-z]{2,})/i);
      }
    }
  });

  it('gives index.html the same policy as a <meta>, less what a meta cannot carry', () => {
    const content = /^<meta http-equiv="Content-Security-Policy" content="([^"]+)">$/.exec(CONTENT_SECURITY_POLICY_META)?.[1];
    expect(content).toBeDefined();
    const meta = directives(content!);
    expect(meta.has('frame-ancestors')).toBe(false);
    expect([...meta]).toEqual([...policy].filter(([name]) => name !== 'frame-ancestors'));
  });
});

describe('permissions', () => {
  it('grants only clipboard writing, and only to the app', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://munplan/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://munplan')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.org/')).toBe(false);
    expect(isPermissionAllowed('media', 'app://munplan/index.html')).toBe(false);
    expect(isPermissionAllowed('geolocation', 'app://munplan/index.html')).toBe(false);
    expect(isPermissionAllowed('notifications', undefined)).toBe(false);
  });
});
