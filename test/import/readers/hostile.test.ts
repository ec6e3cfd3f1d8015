// Files built to hurt the importer: zip bombs, forged sizes, XML entity tricks, tables past
// the limits, damaged archives. Each must be refused quickly, in Russian, naming the file.

import { inflateRawSync } from 'node:zlib';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../electron/import/readers/limits';
import { readTables } from '../../../electron/import/readers/readTables';
import {
  docxPackage,
  documentXml,
  expectRefused,
  forgedZip,
  honestEntry,
  p,
  sample,
  sheetXml,
  spaceBombSheet,
  tbl,
  tc,
  tr,
  workbookWithForgedSheet,
  xlsxPackage,
  zipParts,
} from './fixtures';

const MEGABYTE = 1024 * 1024;

/**
 * Refusal of `bytes` must leave RSS less than 100 MB bigger and come in seconds: inflating the
 * whole gigabyte would take far longer, so the bound is loose enough for a loaded machine.
 */
function expectRefusedCheaply(bytes: Uint8Array, file: string, message: RegExp): void {
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  expectRefused(() => readTables(bytes, file), file, message);
  expect(performance.now() - started).toBeLessThan(10_000);
  expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * MEGABYTE);
}

describe('zip bombs', () => {
  // ~1 GB of spaces in a sheet, about 1 MB packed.
  const bomb = spaceBombSheet(1024);

  it('generates a real bomb: ~1 GB unpacked from ~1 MB, valid deflate', () => {
    expect(bomb.size).toBeGreaterThan(1000 * MEGABYTE);
    expect(bomb.data.length).toBeLessThan(2 * MEGABYTE);
    const small = spaceBombSheet(4);
    const unpacked = inflateRawSync(small.data);
    expect(unpacked.length).toBe(small.size);
    expect(unpacked.subarray(-24).toString()).toBe('</sheetData></worksheet>');
  });

  it('refuses a bomb that declares its size before inflating anything', () => {
    expectRefusedCheaply(workbookWithForgedSheet(bomb, bomb.size), 'bomb.xlsx', /слишком велик после распаковки.*zip-бомбу/);
  });

  it('stops a bomb that declares a small size as soon as it inflates past it', () => {
    expectRefusedCheaply(workbookWithForgedSheet(bomb, 5_000), 'forged.xlsx', /больше заявленного размера/);
  });

  it('stops a bomb whose declared size and ratio look plausible, by the ratio actually inflated', () => {
    const declared = 90 * MEGABYTE; // under the entry limit, under the ratio for ~1 MB packed
    expect(declared).toBeLessThan(bomb.data.length * LIMITS.maxCompressionRatio);
    expectRefusedCheaply(workbookWithForgedSheet(bomb, declared), 'plausible.xlsx', /сжат подозрительно сильно.*zip-бомбу/);
  });

  it('refuses an archive whose entries together declare more than the total limit', () => {
    const garbage = new Uint8Array(1000).fill(7);
    const bytes = forgedZip(
      [1, 2, 3].map((n) => ({ name: `xl/worksheets/sheet${n}.xml`, data: garbage, declaredSize: 90 * MEGABYTE })),
    );
    expectRefused(() => readTables(bytes, 'many.xlsx'), 'many.xlsx', /более 200 МБ.*zip-бомбу/);
  });

  it('refuses an archive with too many entries', () => {
    const entries = Array.from({ length: LIMITS.maxZipEntries + 1 }, (_, i) => ({
      name: `x/${i}`,
      data: new Uint8Array(0),
      declaredSize: 0,
      stored: true,
    }));
    expectRefused(() => readTables(forgedZip(entries), 'parts.docx'), 'parts.docx', /слишком много частей/);
  });

  it('refuses a file larger than the input limit before reading it', () => {
    const bytes = new Uint8Array(LIMITS.maxFileBytes + 1);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    expectRefused(() => readTables(bytes, 'huge.xlsx'), 'huge.xlsx', /слишком велик \(50 МБ\); импортировать можно файлы до 50 МБ/);
  });
});

describe('XML entity tricks', () => {
  const billionLaughs =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
    Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
    ']>';

  it('refuses the billion laughs in a sheet', () => {
    const sheet = `${billionLaughs}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
    const bytes = xlsxPackage([{ name: 'Лист1', xml: sheet }]);
    expectRefusedCheaply(bytes, 'lol.xlsx', /объявления DTD\/сущности XML, которые не допускаются/);
  });

  it('refuses an external entity and never reads the file it points to', () => {
    const doctype = '<?xml version="1.0"?><!DOCTYPE doc [<!ENTITY x SYSTEM "file:///etc/passwd">]>';
    const sheet = `${doctype}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>`;
    const xlsxError = expectRefused(
      () => readTables(xlsxPackage([{ name: 'Лист1', xml: sheet }]), 'xxe.xlsx'),
      'xxe.xlsx',
      /DTD/,
    );
    const document = documentXml(tbl(tr(tc('&x;'))));
    const docxError = expectRefused(
      () => readTables(docxPackage(document.replace('?>', `?>${doctype.slice(doctype.indexOf('<!DOCTYPE'))}`)), 'xxe.docx'),
      'xxe.docx',
      /DTD/,
    );
    for (const error of [xlsxError, docxError]) {
      expect(error.message).not.toContain('root:');
      expect(JSON.stringify(error)).not.toContain('root:');
    }
  });

  it('refuses a DOCTYPE even in [Content_Types].xml, the first part read', () => {
    const bytes = zipParts({
      '[Content_Types].xml': '<?xml version="1.0"?><!DOCTYPE Types [<!ENTITY e "e">]><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      'word/document.xml': documentXml(tbl(tr(tc('a')))),
    });
    expectRefused(() => readTables(bytes, 'types.docx'), 'types.docx', /DTD/);
  });

  it('refuses an undeclared entity as damage', () => {
    const bytes = docxPackage(documentXml(tbl(tr(tc('&lol;')))));
    expectRefused(() => readTables(bytes, 'entity.docx'), 'entity.docx', /повреждён/);
  });

  it('refuses absurdly deep nesting and absurdly many attributes before they fill the memory', () => {
    const deep = `${'<w:sdt><w:sdtContent>'.repeat(200)}${tbl(tr(tc('глубоко')))}${'</w:sdtContent></w:sdt>'.repeat(200)}`;
    expectRefused(() => readTables(docxPackage(documentXml(deep)), 'deep.docx'), 'deep.docx', /вложенность.*подделан/);
    const attributes = Array.from({ length: LIMITS.maxXmlAttributes + 1 }, (_, i) => `a${i}="1"`).join(' ');
    const wide = `<row r="1"><c r="A1" ${attributes}><v>1</v></c></row>`;
    expectRefused(() => readTables(xlsxPackage([{ name: 'Л', xml: wide }]), 'attrs.xlsx'), 'attrs.xlsx', /атрибутов.*подделан/);
  });

  it('accepts the predefined entities and character references', () => {
    const [table] = readTables(docxPackage(documentXml(tbl(tr(tc('&lt;90 &amp; &#62;25 &#x2116;'))))), 'ok.docx');
    expect(table.rows[0][0].text).toBe('<90 & >25 №');
  });
});

describe('tables past the limits', () => {
  it('refuses a sheet with more rows than allowed, while reading it', () => {
    const rows: string[] = [];
    for (let r = 1; r <= LIMITS.maxRows + 1; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    const bytes = xlsxPackage([{ name: 'Строки', xml: sheetXml(rows.join('')) }]);
    const error = expectRefused(() => readTables(bytes, 'rows.xlsx'), 'rows.xlsx', /более 200\s000 строк/);
    expect(error.where).toBe('лист «Строки»');
  });

  it('refuses a sheet whose values lie far apart (rows)', () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="300000"><c r="A300000"><v>2</v></c></row>';
    expectRefused(() => readTables(xlsxPackage([{ name: 'Л', xml: rows }]), 'far.xlsx'), 'far.xlsx', /строк/);
  });

  it('refuses a sheet wider than allowed', () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>';
    expectRefused(() => readTables(xlsxPackage([{ name: 'Л', xml: rows }]), 'wide.xlsx'), 'wide.xlsx', /более 1\s024 столбцов/);
  });

  it('refuses a grid with more cells than allowed', () => {
    // 2001 rows × 1000 columns: each within its limit, together past the cell limit.
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2001"><c r="ALL2001"><v>2</v></c></row>';
    expectRefused(() => readTables(xlsxPackage([{ name: 'Л', xml: rows }]), 'cells.xlsx'), 'cells.xlsx', /ячеек/);
  });

  it('refuses a merge that stretches a sheet past the limits', () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Заголовок</t></is></c></row>';
    const bytes = xlsxPackage([{ name: 'Л', xml: sheetXml(rows, ['A1:XFD1048576']) }]);
    expectRefused(() => readTables(bytes, 'merge.xlsx'), 'merge.xlsx', /слишком/);
  });

  it('refuses a Word table widened by a huge gridSpan', () => {
    const bytes = docxPackage(documentXml(tbl(tr(tc('a', '<w:gridSpan w:val="100000"/>')))));
    const error = expectRefused(() => readTables(bytes, 'span.docx'), 'span.docx', /столбцов/);
    expect(error.where).toBe('Таблица 1, строка 1');
  });
});

describe('damaged archives', () => {
  it('refuses a truncated file (the first half of a real sample)', () => {
    const whole = sample('krasnogorsk-roadmap-2022.xlsx');
    const half = whole.subarray(0, whole.length >> 1);
    expectRefused(() => readTables(half, 'krasnogorsk-roadmap-2022.xlsx'), 'krasnogorsk-roadmap-2022.xlsx', /повреждён или обрезан: не удаётся прочитать архив/);
  });

  it('refuses an entry whose deflated data is garbage', () => {
    const bytes = forgedZip([
      honestEntry(
        '[Content_Types].xml',
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      { name: 'word/document.xml', data: strToU8('это не сжатые данные, а мусор'.repeat(10)), declaredSize: 5000 },
    ]);
    expectRefused(() => readTables(bytes, 'garbage.docx'), 'garbage.docx', /повреждён/);
  });

  it('refuses a sheet whose XML breaks off', () => {
    const bytes = xlsxPackage([{ name: 'Л', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>').slice(0, -30) }]);
    expectRefused(() => readTables(bytes, 'cut.xlsx'), 'cut.xlsx', /повреждён.*xl\/worksheets\/sheet1\.xml/);
  });

  it('refuses a docx whose main part is missing', () => {
    const bytes = zipParts({
      '[Content_Types].xml':
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      'word/styles.xml': '<styles/>',
    });
    expectRefused(() => readTables(bytes, 'missing.docx'), 'missing.docx', /нет части «word\/document\.xml»/);
  });

  it('refuses a sheet cell that points past the shared strings', () => {
    const bytes = xlsxPackage([{ name: 'Л', xml: '<row r="3"><c r="B3" t="s"><v>5</v></c></row>' }], {
      sharedStrings: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>',
    });
    const error = expectRefused(() => readTables(bytes, 'strings.xlsx'), 'strings.xlsx', /отсутствующую строку/);
    expect(error.where).toBe('лист «Л», ячейка B3');
  });

  it('reads a paragraph-only document as having no tables', () => {
    const bytes = docxPackage(documentXml(p('Только текст')));
    expectRefused(() => readTables(bytes, 'text.docx'), 'text.docx', /не найдено ни одной таблицы/);
  });
});
