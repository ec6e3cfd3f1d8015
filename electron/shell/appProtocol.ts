// The app's pages are served from app://munplan/… out of the built renderer folder rather than
// from file://, so they have one origin of their own (the Content-Security-Policy's 'self' and
// the IPC guard mean exactly the app) and cannot read arbitrary files by URL.

import path from 'node:path';
import { isAppUrl } from './ipcGuard';
import { CONTENT_SECURITY_POLICY } from './windowOptions';

/** The file under `root` that an app:// URL names, or null for anything outside it. */
export function resolveAppRequest(url: string, root: string): string | null {
  if (!isAppUrl(url)) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, relative || 'index.html');
  return file.startsWith(base + path.sep) ? file : null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Headers of every file the app serves: its type, and the policy the page runs under. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}
