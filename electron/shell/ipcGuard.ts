// Who may talk to the main process. The app's pages are served from its own scheme
// (app://munplan/…), so a request is answered only when it comes from the top frame of one of
// the app's windows showing such a page: not from a subframe, not from devtools, not from a
// page that somehow got loaded from elsewhere (about:blank, file://, http://).

export const APP_SCHEME = 'app';
export const APP_HOST = 'munplan';
/** The origin the renderer runs in (Chromium's view; Node's URL calls non-special origins "null"). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
}

/** The parts of Electron's WebFrameMain the check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export interface SenderEvent {
  readonly sender: { readonly id: number };
  /** Null when the frame has navigated away or been destroyed since it sent. */
  readonly senderFrame: SenderFrame | null;
}

/**
 * True when the message comes from the top frame of one of the app's own windows
 * (`isAppWindow(webContentsId)`) showing a page of the app.
 */
export function isTrustedSender(event: SenderEvent, isAppWindow: (webContentsId: number) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!isAppWindow(event.sender.id)) return false;
  return isAppUrl(frame.url);
}
