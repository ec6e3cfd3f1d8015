import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../electron/reports/render/docx';
import type { ReportDocument } from '../../../electron/reports/reportDocument';
import { convertWithLibreOffice, nonBlankLines, outputDir, pdfToText } from './readers';
import { EXECUTOR_ADMINISTRATION, EXECUTOR_EDUCATION, largeResourceProvision, sampleResourceProvision, TOTAL_LABEL } from './sampleDocument';

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** Text that must survive escaping: XML specials and a control character pasted from elsewhere. */
const awkward: ReportDocument = {
  fileTitle: 'Проверка <экранирования> & «кавычек»',
  orientation: 'portrait',
  title: ['Паспорт муниципальной программы'],
  blocks: [
    { kind: 'paragraph', text: 'ООО "Рога & Копыта" <тест>\u0007 > конец', align: 'justify' },
    {
      kind: 'table',
      table: {
        columns: [
          { width: 1, align: 'left' },
          { width: 2, align: 'left' },
        ],
        header: [[{ text: 'Наименование' }, { text: 'Значение' }]],
        columnNumbers: false,
        rows: [{ cells: [{ kind: 'text', text: 'Ответственный исполнитель' }, { kind: 'text', text: '  УЭиЦР  &  МКУ "ЦС"\nвторая строка' }] }],
      },
    },
  ],
};

describe('renderDocx', () => {
  const dir = outputDir();
  let sample: Record<string, string>;
  let sampleText: string;
  let multiPage: { page1: string; page2: string };
  let awkwardText: string;

  beforeAll(async () => {
    const files = {
      sample: join(dir, 'resource-provision.docx'),
      multiPage: join(dir, 'resource-provision-40.docx'),
      awkward: join(dir, 'passport-escaping.docx'),
    };
    const sampleBytes = await renderDocx(sampleResourceProvision());
    sample = parts(sampleBytes);
    writeFileSync(files.sample, sampleBytes);
    writeFileSync(files.multiPage, await renderDocx(largeResourceProvision(40)));
    writeFileSync(files.awkward, await renderDocx(awkward));
    // One LibreOffice start for all three files: each start costs a second or two.
    const [samplePdf, multiPagePdf, awkwardPdf] = await convertWithLibreOffice(Object.values(files), 'pdf', join(dir, 'docx-as-pdf'), 'docx-test');
    sampleText = await pdfToText(samplePdf);
    multiPage = { page1: await pdfToText(multiPagePdf, { first: 1, last: 1 }), page2: await pdfToText(multiPagePdf, { first: 2, last: 2 }) };
    awkwardText = await pdfToText(awkwardPdf);
  });

  it('prints the figures and Cyrillic text of Table 4 as LibreOffice reads them', () => {
    for (const figure of ['3597,05', '6806,85333', '59629,71333', '52347,04333', '330,37', '7470,73']) {
      expect(sampleText).toContain(figure);
    }
    for (const text of ['Ресурсное обеспечение', 'Таблица N 4', 'Объемы финансирования, тыс. руб.', 'Всего, в', EXECUTOR_EDUCATION, 'УФКиМС']) {
      expect(sampleText).toContain(text);
    }
    expect(sampleText.replace(/\s+/g, ' ')).toContain('(п. 1.1 в ред. Постановления Администрации города Рязани от 23.03.2023 N 3219)');
  });

  it('writes merged header cells, repeated header rows and the row of column numbers', () => {
    const document = sample['word/document.xml'];
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(3); // two header rows and the column numbers
    expect(document).toContain('<w:gridSpan w:val="9"/>'); // «Объемы финансирования» over nine years
    expect(document).toContain('<w:gridSpan w:val="15"/>'); // an amendment note across the table
    expect(document).toContain('<w:vMerge w:val="restart"/>');
    expect(document).toContain('<w:vMerge/>');
    expect(document).toContain(`<w:t>${TOTAL_LABEL}</w:t>`);
    expect(document).toContain(`<w:t>${EXECUTOR_ADMINISTRATION.replace(/"/g, '&quot;')}</w:t>`);
  });

  it('sets a landscape A4 page with ГОСТ margins and page numbers from page 2', () => {
    const document = sample['word/document.xml'];
    expect(document).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    // 20 mm top, 10 mm right, 20 mm bottom, 20 mm left (landscape), in twips
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="567" w:bottom="1134" w:left="1134"/);
    expect(document).toContain('<w:titlePg/>');
    expect(document).toContain('<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>');
    expect(sample['word/header1.xml']).toContain(' PAGE ');
    expect(sample['word/header2.xml']).not.toContain('PAGE');
    expect(sample['word/styles.xml']).toContain('w:ascii="Times New Roman"');
    expect(sample['docProps/core.xml']).toContain('<dc:title>Ресурсное обеспечение реализации муниципальной программы «Цифровизация городской среды»</dc:title>');
  });

  it('repeats the header on page 2 of a long table, under the page number; page 1 has none', () => {
    const page2 = nonBlankLines(multiPage.page2);
    expect(page2[0].trim()).toBe('2');
    expect(multiPage.page2).toContain('Объемы финансирования, тыс. руб.');
    expect(multiPage.page2).toMatch(/1\s+2\s+3\s+4\s+5\s+6\s+7\s+8\s+9\s+10\s+11\s+12\s+13\s+14\s+15/);
    expect(nonBlankLines(multiPage.page1)[0].trim()).toBe('Таблица N 4');
  });

  it('keeps text with XML specials and control characters, and opens in LibreOffice', async () => {
    const bytes = await renderDocx(awkward);
    const document = parts(bytes)['word/document.xml'];
    expect(document).toContain('ООО &quot;Рога &amp; Копыта&quot; &lt;тест&gt; &gt; конец');
    expect(document).toContain('<w:t xml:space="preserve">  УЭиЦР  &amp;  МКУ &quot;ЦС&quot;</w:t><w:br/><w:t>вторая строка</w:t>');
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(document).toMatch(/w:left="1701"/); // 30 mm in portrait
    expect(awkwardText).toContain('ООО "Рога & Копыта" <тест> > конец');
    expect(awkwardText).toContain('вторая строка');
  });
});
