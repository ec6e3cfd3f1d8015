// Which reader a file gets: decided by content; an extension that promises otherwise is refused.

import { describe, expect, it } from 'vitest';
import { readTables } from '../../../electron/import/readers/readTables';
import { concat, documentXml, expectRefused, sample, tbl, tc, tr, xlsxPackage, zipParts } from './fixtures';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('kind by content', () => {
  it('reads a file without a telling extension by what it contains', () => {
    expect(readTables(sample('melekess-indicators-2020.xlsx'), 'отчёт')[0].kind).toBe('xlsx');
    expect(readTables(sample('melekess-indicators-2020.docx'), 'отчёт.bin')[0].kind).toBe('docx');
    expect(readTables(utf8('a;b\n1;2'), 'отчёт')[0].kind).toBe('csv');
  });

  it('accepts a .doc name on a real .docx (Word opens it too)', () => {
    expect(readTables(sample('melekess-indicators-2020.docx'), 'отчёт.doc')[0].name).toBe('Таблица 1');
  });

  it('finds the main part through [Content_Types].xml, whatever its name', () => {
    const bytes = zipParts({
      '[Content_Types].xml':
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      'word/document2.xml': documentXml(tbl(tr(tc('из document2')))),
    });
    expect(readTables(bytes, 'renamed-part.docx')[0].rows[0][0].text).toBe('из document2');
  });

  it('falls back to the usual part names without content types', () => {
    const bytes = zipParts({ 'word/document.xml': documentXml(tbl(tr(tc('без типов')))) });
    expect(readTables(bytes, 'bare.docx')[0].rows[0][0].text).toBe('без типов');
  });

  it('reports the file name without its folders', () => {
    const error = expectRefused(() => readTables(new Uint8Array(0), 'C:\\Users\\Иванов\\Рабочий стол\\пустой.xlsx'), 'пустой.xlsx');
    expect(error.message).toBe('Файл «пустой.xlsx» пуст');
  });
});

describe('refused by kind', () => {
  it('refuses an empty file', () => {
    expectRefused(() => readTables(new Uint8Array(0), 'empty.docx'), 'empty.docx', /пуст/);
    expectRefused(() => readTables(utf8('  \r\n '), 'blank.csv'), 'blank.csv', /пуст/);
  });

  it('refuses a text file named .xlsx', () => {
    expectRefused(
      () => readTables(utf8('Наименование;Сумма\nМероприятие;100\n'), 'x.xlsx'),
      'x.xlsx',
      /^Файл «x\.xlsx» не является книгой Excel \(\.xlsx\), хотя имеет такое расширение: на самом деле это текстовый файл$/,
    );
  });

  it('refuses a docx renamed .xlsx, and an xlsx renamed .docx or .csv', () => {
    expectRefused(
      () => readTables(sample('krasnogorsk-roadmap-2022.docx'), 'roadmap.xlsx'),
      'roadmap.xlsx',
      /не является книгой Excel \(\.xlsx\).*это документ Word \(\.docx\)/,
    );
    expectRefused(
      () => readTables(sample('krasnogorsk-roadmap-2022.xlsx'), 'roadmap.docx'),
      'roadmap.docx',
      /не является документом Word \(\.docx\).*это книга Excel \(\.xlsx\)/,
    );
    expectRefused(() => readTables(sample('krasnogorsk-roadmap-2022.xlsx'), 'roadmap.csv'), 'roadmap.csv', /не является текстовой таблицей CSV/);
  });

  it('asks to re-save an old binary .xls/.doc (or a password-protected file)', () => {
    const ole = concat([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), new Uint8Array(504)]);
    expectRefused(() => readTables(ole, 'old.xls'), 'old.xls', /старом формате.*сохраните как \.docx или \.xlsx/);
    expectRefused(() => readTables(ole, 'protected.xlsx'), 'protected.xlsx', /паролем/);
  });

  it('refuses PDF, RTF, OpenDocument and unknown binary content with what it is', () => {
    expectRefused(() => readTables(utf8('%PDF-1.7\n...'), 'scan.pdf'), 'scan.pdf', /PDF/);
    expectRefused(() => readTables(utf8('{\\rtf1\\ansi ...}'), 'form.rtf'), 'form.rtf', /RTF.*сохраните/);
    const ods = zipParts({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' });
    expectRefused(() => readTables(ods, 'book.ods'), 'book.ods', /OpenDocument/);
    expectRefused(() => readTables(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'picture.png'), 'picture.png', /формат не распознан/);
  });

  it('refuses a zip that is neither a document nor a workbook', () => {
    expectRefused(() => readTables(zipParts({ 'readme.txt': 'привет' }), 'archive.zip'), 'archive.zip', /архив ZIP/);
  });

  it('refuses a package without tables', () => {
    const bytes = xlsxPackage([{ name: 'Пусто', xml: '' }]);
    const error = expectRefused(() => readTables(bytes, 'empty-book.xlsx'), 'empty-book.xlsx');
    expect(error.message).toBe('В файле «empty-book.xlsx» не найдено ни одной таблицы');
  });
});
