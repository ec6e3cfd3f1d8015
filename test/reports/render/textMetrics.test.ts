import { describe, expect, it } from 'vitest';
import { reportFontMetrics } from '../../../electron/reports/render/fonts';
import { wrapText } from '../../../electron/reports/render/textMetrics';

const { regular, bold } = reportFontMetrics();

describe('report font metrics', () => {
  it('has Times New Roman widths: digits half an em, a no-break space like a space', () => {
    expect(regular.textEm('0123456789')).toBe(5);
    expect(bold.textEm('59629,71333')).toBe(5.25);
    expect(regular.textEm('62\u00a0526,00')).toBe(regular.textEm('62 526,00'));
    expect(regular.textEm('Ж')).toBeGreaterThan(regular.textEm('ж'));
    expect(regular.ascenderEm + regular.descenderEm).toBeCloseTo(1.107, 2);
  });
});

describe('wrapText', () => {
  it('breaks at spaces and after hyphens, and keeps explicit line breaks', () => {
    expect(wrapText('Всего,\nв том числе:', 20, regular)).toEqual(['Всего,', 'в том числе:']);
    const lines = wrapText('информационно-коммуникационных технологий', 9, regular);
    expect(lines).toEqual(['информационно-', 'коммуникационных', 'технологий']);
    expect(lines.every((line) => regular.textEm(line) <= 9)).toBe(true);
  });

  it('cuts a word longer than the whole line, as Word does', () => {
    const lines = wrapText('Администрация', 3, regular);
    expect(lines.join('')).toBe('Администрация');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => regular.textEm(line) <= 3)).toBe(true);
  });

  it('keeps an empty text as one empty line', () => {
    expect(wrapText('', 5, regular)).toEqual(['']);
  });
});
