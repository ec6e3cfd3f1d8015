// The app's pages are served from app://munplan/… out of the built renderer folder rather than
// from file://, so they have one origin of their own (the Content-Security-Policy's 'self' and
// the IPC guard mean exactly the app) and cannot read arbitrary files by URL.

import { contentTypeOf, resolveStaticPath } from '../bridge/staticFiles';
import { isAppUrl } from './ipcGuard';
import { CONTENT_SECURITY_POLICY } from './windowOptions';

/** The file under `root` that an app:// URL names, or null for anything outside it. */
export function resolveAppRequest(url: string, root: string): string | null {
  if (!isAppUrl(url)) return null;
  return resolveStaticPath(root, new URL(url).pathname);
}

/** Headers of every file the app serves: its type, and the policy the page runs under. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': contentTypeOf(file),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}
