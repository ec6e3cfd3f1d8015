// Files cross to the handlers as base64 (the renderer has no file system) and come back the
// same way for a browser download.

import { TaskCancelled } from '../store/messages';

/** Reads a chosen file as base64, reporting progress; rejects with TaskCancelled on abort. */
export function readFileAsBase64(file: Blob, signal: AbortSignal, progress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new TaskCancelled());
    const reader = new FileReader();
    const onAbort = () => reader.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) progress(event.loaded / event.total);
    };
    reader.onabort = () => reject(new TaskCancelled());
    reader.onerror = () => reject(reader.error ?? new Error('file read failed'));
    reader.onload = () => {
      signal.removeEventListener('abort', onAbort);
      const url = String(reader.result);
      // «data:<type>;base64,<data>»
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export function base64ToBytes(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const MIME_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Offers the bytes as a download under the name, the way a browser saves a file. */
export function downloadBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>, type: string): Blob {
  const blob = new Blob([bytes], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL can go once the browser took it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return blob;
}
