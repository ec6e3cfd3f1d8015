// The preview bridge's packing of long lists of like objects: what goes in comes out, as JSON
// would carry it, and only lists that pack without loss are packed.

import { describe, expect, it } from 'vitest';
import { packRows, unpackRows } from '../../shared/api/packedRows';

const roundTrip = (value: unknown) => unpackRows(JSON.parse(JSON.stringify(packRows(value))));
const amountRow = (i: number) => ({ nodeId: 1000 + i, year: 2025 + (i % 5), source: i % 2 ? 'local' : 'regional', organisationId: i % 3 ? 7 : null, kopecks: i * 100 });

describe('packRows', () => {
  it('carries a program-like answer through JSON unchanged, and much shorter', () => {
    const financing = Array.from({ length: 1000 }, (_, i) => amountRow(i));
    const answer = {
      ok: true,
      value: {
        program: { id: 1, title: 'Программа «Развитие»', sourceLabels: { local: 'бюджет города' } },
        financing,
        nodes: Array.from({ length: 100 }, (_, i) => ({ id: i, code: `1.${i}`, executors: [{ organisationId: 7 }], parentId: i === 0 ? null : 0 })),
        lines: Array.from({ length: 70 }, (_, i) => ({ nodeId: i, amounts: Array.from({ length: 70 }, (_, k) => ({ year: k, kopecks: i * k })) })),
        short: [amountRow(1), amountRow(2)],
      },
    };
    expect(roundTrip(answer)).toEqual(answer);
    expect(JSON.stringify(packRows(answer)).length).toBeLessThan(JSON.stringify(answer).length * 0.6);
  });

  it('packs only lists of 64 or more plain objects with the same keys in the same order', () => {
    const rows = Array.from({ length: 64 }, (_, i) => amountRow(i));
    expect(Object.keys(packRows(rows) as object)).toEqual(['\u0000keys', '\u0000values']);
    expect(packRows(rows.slice(1))).toEqual(rows.slice(1));
    const reordered = [...rows.slice(1), { kopecks: 1, nodeId: 1, year: 2025, source: 'local', organisationId: null }];
    expect(packRows(reordered)).toEqual(reordered);
    const moreKeys = [...rows.slice(1), { ...amountRow(0), quarter: 1 }];
    expect(packRows(moreKeys)).toEqual(moreKeys);
    const withArray = [...rows.slice(1), [1, 2, 3]];
    expect(packRows(withArray)).toEqual(withArray);
    const empties = Array.from({ length: 80 }, () => ({}));
    expect(roundTrip(empties)).toEqual(empties);
  });

  it('leaves a list with an undefined value as JSON has it: the key left out of that object only', () => {
    const rows: Record<string, unknown>[] = Array.from({ length: 70 }, (_, i) => amountRow(i));
    rows[5] = { ...rows[5], organisationId: undefined };
    const back = roundTrip(rows) as Record<string, unknown>[];
    expect(back).toEqual(JSON.parse(JSON.stringify(rows)));
    expect('organisationId' in back[5]).toBe(false);
    expect(back[6].organisationId).toBe(null);
  });

  it('leaves lists of nested objects, and answers without a list to pack, as they are: the same objects', () => {
    const lines = Array.from({ length: 70 }, (_, i) => ({ nodeId: i, amounts: [i, i + 1], byExecutor: [{ organisationId: 7, total: i }] }));
    const answer = { ok: true, value: { years: [2025, 2026], nodes: lines } };
    expect(packRows(answer)).toBe(answer);
    const withRows = { ok: true, value: { lines, financing: Array.from({ length: 64 }, (_, i) => amountRow(i)) } };
    const packed = packRows(withRows) as typeof withRows;
    expect(packed).not.toBe(withRows);
    expect(packed.value.lines).toBe(lines);
    expect(withRows.value.financing[0]).toEqual(amountRow(0));
    // A short list is not looked into, nor is it on the way back.
    const inShortList = [{ financing: withRows.value.financing }];
    expect(packRows(inShortList)).toBe(inShortList);
    expect(roundTrip(inShortList)).toEqual(inShortList);
  });

  it('keeps texts that look like the marker as texts, and values of every JSON kind', () => {
    const rows = Array.from({ length: 64 }, (_, i) => ({ text: i === 0 ? '\u0000keys' : `«${i}»`, flag: i % 2 === 0, nothing: null, list: [i, `${i}`], nested: { deep: [{ a: i }] } }));
    expect(roundTrip({ rows, '\u0000note': 'x' })).toEqual({ rows, '\u0000note': 'x' });
  });
});
