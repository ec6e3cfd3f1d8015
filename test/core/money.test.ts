import { describe, expect, it } from 'vitest';
import { formatThousands, kopecksToDecimal, parseThousands, thousandsToKopecks } from '../../shared/money';

describe('amounts in тыс. руб. as integer kopecks', () => {
  it.each([
    ['6806,85333', 680_685_333],
    ['62 526,00', 6_252_600_000],
    ['62\u00a0526,00', 6_252_600_000],
    ['62\u202f526,00', 6_252_600_000],
    ['2179,055', 217_905_500],
    ['62526', 6_252_600_000],
    ['62526.5', 6_252_650_000],
    ['0', 0],
    ['0,00001', 1],
    ['-1 000,5', -100_050_000],
    ['59629,71333', 5_962_971_333],
  ])('reads «%s» as %i kopecks', (text, kopecks) => {
    expect(parseThousands(text)).toEqual({ ok: true, kopecks });
  });

  it('refuses a sixth decimal with a reason', () => {
    const parsed = parseThousands('6806,853331');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(/пяти знаков/);
  });

  it.each(['около 160', '', '1,2,3', '12 34,5x', '1e5'])('refuses «%s»', (text) => {
    expect(parseThousands(text).ok).toBe(false);
  });

  it('prints the Russian way, at least two decimals and up to five', () => {
    expect(formatThousands(680_685_333)).toBe('6\u00a0806,85333');
    expect(formatThousands(6_252_600_000)).toBe('62\u00a0526,00');
    expect(formatThousands(330_620_000)).toBe('3\u00a0306,20');
    expect(formatThousands(217_905_500)).toBe('2\u00a0179,055');
    expect(formatThousands(5_962_971_333, { grouped: false })).toBe('59629,71333');
    expect(formatThousands(-100_050_000)).toBe('-1\u00a0000,50');
  });

  it('groups every length of whole thousands by three from the right', () => {
    const cases: [number, string][] = [
      [0, '0,00'],
      [12_345, '0,12345'],
      [100_000, '1,00'],
      [99_900_000, '999,00'],
      [100_000_000, '1\u00a0000,00'],
      [12_345_600_000, '123\u00a0456,00'],
      [123_456_700_000, '1\u00a0234\u00a0567,00'],
      [-98_765_432_100_000, '-987\u00a0654\u00a0321,00'],
      [Number.MAX_SAFE_INTEGER, '90\u00a0071\u00a0992\u00a0547,40991'],
    ];
    for (const [kopecks, text] of cases) expect(formatThousands(kopecks)).toBe(text);
  });

  it('gives exact decimal strings for JSON', () => {
    expect(kopecksToDecimal(359_705_000)).toBe('3597.05');
    expect(kopecksToDecimal(5_962_971_333)).toBe('59629.71333');
    expect(kopecksToDecimal(0)).toBe('0.00');
    expect(kopecksToDecimal(-1)).toBe('-0.00001');
  });

  it('round-trips every printed figure', () => {
    for (const text of ['3597,05', '6806,85333', '3306,20', '52347,04333', '608,325', '0,00001', '9999999999,99999']) {
      expect(formatThousands(thousandsToKopecks(text), { grouped: false })).toBe(text);
    }
  });
});
