// What an officer reads when something fails: the API's own Russian message as it comes,
// never a stack trace or a programmer's exception text.

import { ApiCallError } from '../../shared/api/client';

export function messageOf(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  if (error instanceof DOMException && error.name === 'NotReadableError') return 'Не удалось прочитать файл: возможно, он открыт в другой программе или удалён.';
  console.error(error);
  return 'Непредвиденная ошибка: действие не выполнено. Попробуйте ещё раз; если ошибка повторится, перезапустите программу.';
}

export class TaskCancelled extends Error {
  constructor() {
    super('Прервано');
    this.name = 'AbortError';
  }
}

export function isCancellation(error: unknown): boolean {
  return error instanceof TaskCancelled || (error instanceof Error && error.name === 'AbortError');
}

/** Throws TaskCancelled when the officer pressed «Прервать». */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new TaskCancelled();
}
