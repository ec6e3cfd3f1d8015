// The retention rule on synthetic lists: the newest 10, the newest of each of the last 30 days,
// before-restore/before-migration copies for 30 days, damaged files never.

import { describe, expect, it } from 'vitest';
import { backupsToDelete, type BackupReason } from '../../electron/db/backupStore';

const NOW = new Date('2026-11-23T12:00:00Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

interface Synthetic {
  name: string;
  takenAt: Date;
  reason: BackupReason;
}

const at = (name: string, takenAt: Date | string, reason: BackupReason = 'interval'): Synthetic => ({ name, takenAt: new Date(takenAt), reason });
const ago = (name: string, ms: number, reason: BackupReason = 'interval') => at(name, new Date(NOW.getTime() - ms), reason);
const names = (list: Synthetic[]) => list.map((b) => b.name).sort();

describe('backupsToDelete', () => {
  it('keeps the newest 10 and drops older ones of the same day', () => {
    const backups = Array.from({ length: 15 }, (_, i) => ago(`b${i}`, i * 60_000));
    expect(names(backupsToDelete(backups, NOW))).toEqual(['b10', 'b11', 'b12', 'b13', 'b14']);
  });

  it('deletes nothing while there are 10 or fewer, however old', () => {
    const backups = [ago('year', 365 * DAY), ago('month', 40 * DAY), ago('today', HOUR)];
    expect(backupsToDelete(backups, NOW)).toEqual([]);
  });

  it('keeps one a day — the newest — for the last 30 days, beyond the newest 10', () => {
    // Every 6 hours for 40 days: 12:00, 06:00, 00:00 today, then 18:00, 12:00, … before.
    const backups = Array.from({ length: 160 }, (_, k) => ago(`k${k}`, k * 6 * HOUR));
    const kept = new Set(backups.map((b) => b.name));
    for (const b of backupsToDelete(backups, NOW)) kept.delete(b.name);
    const newest10 = Array.from({ length: 10 }, (_, k) => `k${k}`);
    // Today's newest is k0; day −j's newest is its 18:00, k = 4j − 1, for j = 1…29.
    const daily = ['k0', ...Array.from({ length: 29 }, (_, j) => `k${4 * (j + 1) - 1}`)];
    expect([...kept].sort()).toEqual([...new Set([...newest10, ...daily])].sort());
    expect(kept.size).toBe(37);
  });

  it('counts calendar days (UTC): day −29 is kept to its first second, day −30 is not', () => {
    const filler = Array.from({ length: 10 }, (_, i) => ago(`new${i}`, i * 60_000));
    const backups = [...filler, at('day-29-first-second', '2026-10-25T00:00:00Z'), at('day-30-last-second', '2026-10-24T23:59:59Z')];
    expect(names(backupsToDelete(backups, NOW))).toEqual(['day-30-last-second']);
  });

  it('keeps before-restore and before-migration copies younger than 30 days, and not a moment longer', () => {
    const filler = Array.from({ length: 10 }, (_, i) => ago(`new${i}`, i * 60_000));
    const backups = [
      ...filler,
      // Same day as a newer interval backup, so only the protection can keep them.
      ago('restore-29d', 29 * DAY + 2 * HOUR, 'before-restore'),
      ago('interval-29d', 29 * DAY + HOUR),
      ago('migration-just-under', 30 * DAY - 1, 'before-migration'),
      ago('migration-30d', 30 * DAY, 'before-migration'),
      ago('restore-31d', 31 * DAY, 'before-restore'),
    ];
    expect(names(backupsToDelete(backups, NOW))).toEqual(['migration-30d', 'restore-31d']);
  });

  it('never returns a damaged file and does not count it among the newest 10', () => {
    const backups = [ago('damaged', 0, 'damaged'), ...Array.from({ length: 11 }, (_, i) => ago(`b${i}`, (i + 1) * 60_000)), ago('old-damaged', 90 * DAY, 'damaged')];
    expect(names(backupsToDelete(backups, NOW))).toEqual(['b10']);
  });

  it('does not depend on the order of the list and leaves the list as it was', () => {
    const backups = Array.from({ length: 60 }, (_, k) => ago(`k${k}`, k * 13 * HOUR));
    const oldestFirst = [...backups].reverse();
    const copy = [...oldestFirst];
    expect(names(backupsToDelete(oldestFirst, NOW))).toEqual(names(backupsToDelete(backups, NOW)));
    expect(oldestFirst).toEqual(copy);
  });
});
