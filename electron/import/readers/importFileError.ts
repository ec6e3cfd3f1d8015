/**
 * The one error an import reader throws: the file cannot be read, is not what its name says,
 * or breaks a limit. The message is a complete Russian sentence for the officer who chose the
 * file — it names the file and says what to do where there is something to do — so it can be
 * shown as is. The technical reason, if any, travels in `cause` for the log, never in the
 * message.
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';

  constructor(
    /** The file name as the officer knows it (no directories). */
    readonly file: string,
    message: string,
    /** Where in the file, as the officer would look for it: 'лист «Лист1», строка 12'. */
    readonly where?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** «Файл «x.xlsx»» — how every message starts naming the file. */
export function fileLabel(file: string): string {
  return `Файл «${file}»`;
}

/** The file or one of its parts cannot be read. */
export function damagedFileError(
  file: string,
  detail: string,
  options: { where?: string; cause?: unknown } = {},
): ImportFileError {
  return new ImportFileError(file, `${fileLabel(file)} повреждён или обрезан: ${detail}`, options.where, {
    cause: options.cause,
  });
}
