// The entry point of the readers: an imported file, whatever it turns out to be, becomes plain
// tables or one ImportFileError with a message for the officer. The kind is decided by the
// content, never by the extension alone; an extension that promises something else is refused,
// because a file that lies about itself is either a mistake worth pointing out or an attack.

import { decodeText, readCsvTable } from './csvTable';
import { readDocxTables } from './docxTables';
import { ImportFileError, fileLabel } from './importFileError';
import { LIMITS, megabytes } from './limits';
import type { FileKind, RawTable } from './rawTable';
import { parseArchivePart } from './safeXml';
import { readXlsxSheets } from './xlsxSheets';
import { ZipArchive } from './zipArchive';

/** What a file promises by its extension. Others (.doc, no extension…) promise nothing. */
const KIND_BY_EXTENSION: Record<string, FileKind> = {
  docx: 'docx',
  docm: 'docx',
  dotx: 'docx',
  dotm: 'docx',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  xltx: 'xlsx',
  xltm: 'xlsx',
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
};

/** «…не является книгой Excel (.xlsx)…» */
const PROMISED_KIND: Record<FileKind, string> = {
  docx: 'документом Word (.docx)',
  xlsx: 'книгой Excel (.xlsx)',
  csv: 'текстовой таблицей CSV (.csv)',
};

/** «…на самом деле это книга Excel (.xlsx)» */
const ACTUAL_KIND: Record<FileKind, string> = {
  docx: 'документ Word (.docx)',
  xlsx: 'книга Excel (.xlsx)',
  csv: 'текстовый файл',
};

const SAVE_AS = 'Откройте его и сохраните как .docx, .xlsx или .csv';

type FileContent =
  | { kind: 'docx' | 'xlsx'; archive: ZipArchive; mainPart: string }
  | { kind: 'csv'; text: string };

/** All tables of an imported file, in file order. */
export function readTables(bytes: Uint8Array, fileName: string): RawTable[] {
  const file = fileName.split(/[\\/]/).pop() ?? fileName;
  try {
    if (bytes.length === 0) throw new ImportFileError(file, `${fileLabel(file)} пуст`);
    if (bytes.length > LIMITS.maxFileBytes) {
      throw new ImportFileError(
        file,
        `${fileLabel(file)} слишком велик (${megabytes(bytes.length)}); импортировать можно файлы до ${megabytes(LIMITS.maxFileBytes)}`,
      );
    }
    const content = identify(bytes, file);
    const promised = KIND_BY_EXTENSION[file.split('.').pop()?.toLowerCase() ?? ''];
    if (promised !== undefined && promised !== content.kind) {
      throw new ImportFileError(
        file,
        `${fileLabel(file)} не является ${PROMISED_KIND[promised]}, хотя имеет такое расширение: на самом деле это ${ACTUAL_KIND[content.kind]}`,
      );
    }
    const tables =
      content.kind === 'csv'
        ? [readCsvTable(content.text, file)]
        : content.kind === 'docx'
          ? readDocxTables(content.archive, content.mainPart)
          : readXlsxSheets(content.archive, content.mainPart);
    if (tables.length === 0) throw new ImportFileError(file, `В файле «${file}» не найдено ни одной таблицы`);
    return tables;
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    // A reader met something it does not expect: still one clear message, the detail in the log.
    throw new ImportFileError(
      file,
      `Не удалось прочитать файл «${file}»: он повреждён или устроен непривычно. ${SAVE_AS} заново`,
      undefined,
      { cause: error },
    );
  }
}

function identify(bytes: Uint8Array, file: string): FileContent {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return identifyPackage(ZipArchive.open(bytes, file));
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    throw new ImportFileError(file, `${fileLabel(file)} — пустой архив ZIP, а не документ Word или книга Excel`);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Password-protected .docx/.xlsx are stored in this container too.
    throw new ImportFileError(
      file,
      `${fileLabel(file)} сохранён в старом формате Word или Excel (.doc, .xls) либо защищён паролем. Откройте его и сохраните как .docx или .xlsx без пароля`,
    );
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    throw new ImportFileError(file, `${fileLabel(file)} — документ PDF; таблицы из PDF не импортируются. Нужен файл .docx, .xlsx или .csv`);
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    throw new ImportFileError(file, `${fileLabel(file)} — документ RTF. ${SAVE_AS}`);
  }
  const text = decodeText(bytes);
  if (text === undefined) {
    throw new ImportFileError(
      file,
      `${fileLabel(file)} не является ни документом Word (.docx), ни книгой Excel (.xlsx), ни таблицей CSV: формат не распознан`,
    );
  }
  if (text.trim() === '') throw new ImportFileError(file, `${fileLabel(file)} пуст`);
  return { kind: 'csv', text };
}

/** A zip is a .docx or .xlsx by the content type of its main part ([Content_Types].xml). */
function identifyPackage(archive: ZipArchive): FileContent {
  const file = archive.file;
  if (archive.has('mimetype')) {
    const mimetype = new TextDecoder().decode(archive.read('mimetype'));
    if (mimetype.startsWith('application/vnd.oasis.opendocument')) {
      throw new ImportFileError(file, `${fileLabel(file)} — документ OpenDocument (.odt, .ods). ${SAVE_AS}`);
    }
  }
  for (const [part, contentType] of mainParts(archive)) {
    const type = contentType.toLowerCase();
    if (type.includes('sheet.binary')) {
      throw new ImportFileError(file, `${fileLabel(file)} — двоичная книга Excel (.xlsb). ${SAVE_AS}`);
    }
    if (type.includes('wordprocessingml') || type.includes('ms-word')) return { kind: 'docx', archive, mainPart: part };
    if (type.includes('spreadsheetml') || type.includes('ms-excel')) return { kind: 'xlsx', archive, mainPart: part };
    if (type.includes('presentationml') || type.includes('ms-powerpoint')) {
      throw new ImportFileError(file, `${fileLabel(file)} — презентация PowerPoint, в ней нет таблиц для импорта`);
    }
  }
  // Some generators omit the content type of the main part; the usual names then decide.
  if (archive.has('word/document.xml')) return { kind: 'docx', archive, mainPart: 'word/document.xml' };
  if (archive.has('xl/workbook.xml')) return { kind: 'xlsx', archive, mainPart: 'xl/workbook.xml' };
  throw new ImportFileError(file, `${fileLabel(file)} — архив ZIP, а не документ Word (.docx) или книга Excel (.xlsx)`);
}

/** Parts declared with a main-document content type: part name → content type. */
function mainParts(archive: ZipArchive): Map<string, string> {
  const parts = new Map<string, string>();
  if (!archive.has('[Content_Types].xml')) return parts;
  parseArchivePart(archive, '[Content_Types].xml', {
    open(element) {
      const part = element.attr('PartName');
      const contentType = element.attr('ContentType');
      if (element.local === 'Override' && part && contentType?.toLowerCase().includes('.main')) {
        parts.set(part.replace(/^\/+/, ''), contentType);
      }
    },
  });
  return parts;
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}
