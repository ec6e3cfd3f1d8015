import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../../electron/reports/render/pdf';
import type { ReportDocument } from '../../../electron/reports/reportDocument';
import { nonBlankLines, outputDir, pdfFonts, pdfInfo, pdfPageToPng, pdfToText } from './readers';
import { EXECUTOR_EDUCATION, largeResourceProvision, sampleIndicators, sampleResourceProvision } from './sampleDocument';

const portrait: ReportDocument = {
  fileTitle: 'Паспорт муниципальной программы',
  orientation: 'portrait',
  approval: ['Утверждена', 'Постановлением администрации города Рязани', 'от 30 сентября 2021 г. N 4239'],
  title: ['ПАСПОРТ', 'муниципальной программы "Цифровизация городской среды"'],
  blocks: [
    {
      kind: 'paragraph',
      align: 'justify',
      text:
        'Во исполнение Стратегии социально-экономического развития города Рязани до 2030 года, утвержденной решением ' +
        'Рязанской городской Думы от 21.06.2021 N 108-III, администрация города Рязани постановляет:',
    },
    { kind: 'paragraph', text: 'Глава администрации Е.Б.СОРОКИНА', align: 'right', bold: true, italic: true },
  ],
};

describe('renderPdf', () => {
  const dir = outputDir();
  const files = {
    sample: join(dir, 'resource-provision.pdf'),
    multiPage: join(dir, 'resource-provision-40.pdf'),
    indicators: join(dir, 'indicators.pdf'),
    portrait: join(dir, 'passport.pdf'),
  };

  beforeAll(async () => {
    writeFileSync(files.sample, await renderPdf(sampleResourceProvision()));
    writeFileSync(files.multiPage, await renderPdf(largeResourceProvision(40)));
    writeFileSync(files.indicators, await renderPdf(sampleIndicators()));
    writeFileSync(files.portrait, await renderPdf(portrait));
  });

  it('holds every figure and the Cyrillic text of Table 4', async () => {
    const text = await pdfToText(files.sample);
    for (const figure of ['3597,05', '6806,85333', '59629,71333', '52347,04333', '3091,95', '330,37', '7470,73', '19599,39033']) {
      expect(text).toContain(figure);
    }
    for (const phrase of ['Ресурсное обеспечение', 'Таблица N 4', 'Объемы финансирования, тыс. руб.', 'Всего, в', EXECUTOR_EDUCATION, 'ИТОГО']) {
      expect(text).toContain(phrase);
    }
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('(п. 1.1 в ред. Постановления Администрации города Рязани от 23.03.2023 N 3219)');
    expect(flat).toContain('Задача 1. Внедрение цифровых технологий в сфере оказания муниципальных услуг');
    expect(flat).toContain('УЭиЦР');
    expect(flat).toContain('МКУ "ЦС"');
  });

  it('embeds its fonts and carries the title and landscape A4 size', async () => {
    const fonts = await pdfFonts(files.sample);
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))).toEqual(expect.arrayContaining(['Tinos-Regular', 'Tinos-Bold']));
    expect(fonts.every((font) => font.embedded)).toBe(true);
    const info = await pdfInfo(files.sample);
    expect(info.Title).toBe('Ресурсное обеспечение реализации муниципальной программы «Цифровизация городской среды»');
    expect(info['Page size']).toMatch(/^841\.89 x 595\.28 pts/);
  });

  it('numbers pages from 2 at the top and repeats the header and column numbers on each page', async () => {
    const pages = Number((await pdfInfo(files.multiPage)).Pages);
    expect(pages).toBeGreaterThan(3);
    expect(nonBlankLines(await pdfToText(files.multiPage, { first: 1, last: 1 }))[0].trim()).toBe('Таблица N 4');
    for (const page of [2, pages]) {
      const text = await pdfToText(files.multiPage, { first: page, last: page });
      expect(nonBlankLines(text)[0].trim()).toBe(String(page));
      expect(text).toContain('Объемы финансирования, тыс. руб.');
      expect(text).toMatch(/1\s+2\s+3\s+4\s+5\s+6\s+7\s+8\s+9\s+10\s+11\s+12\s+13\s+14\s+15/);
    }
  });

  it('prints indicator values with a decimal comma and text values as they are', async () => {
    const text = await pdfToText(files.indicators);
    expect(text).toContain('41,67');
    expect(text).toContain('38,5');
    expect(text).toContain('менее 95');
    expect(text).not.toContain('41.67');
  });

  it('sets a portrait page with the approval block, a justified paragraph and bold italic text', async () => {
    const info = await pdfInfo(files.portrait);
    expect(info['Page size']).toMatch(/^595\.28 x 841\.89 pts/);
    expect(info.Pages).toBe('1');
    const text = (await pdfToText(files.portrait)).replace(/\s+/g, ' ');
    expect(text).toContain('Утверждена Постановлением администрации города Рязани от 30 сентября 2021 г. N 4239');
    expect(text).toContain('Рязанской городской Думы от 21.06.2021 N 108-III');
    const fonts = (await pdfFonts(files.portrait)).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''));
    expect(fonts).toEqual(expect.arrayContaining(['Tinos-Regular', 'Tinos-Bold', 'Tinos-BoldItalic']));
  });

  it('leaves a picture of the first page for a person to look at', async () => {
    const png = await pdfPageToPng(files.sample, 1, join(dir, 'resource-provision-page1'));
    expect(existsSync(png)).toBe(true);
    await pdfPageToPng(files.multiPage, 2, join(dir, 'resource-provision-40-page2'));
  });
});
