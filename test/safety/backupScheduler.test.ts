// The automatic backups on a fake clock: a day of the schedule runs in milliseconds.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupScheduler, type BackupTimer } from '../../electron/db/backupScheduler';
import { backupFolderOf, listBackups } from '../../electron/db/backupStore';
import { openSqlite } from '../../electron/db/sqlite';
import { createTestWorkspace, type TestWorkspace } from '../support/testWorkspace';

const MINUTE = 60_000;

/** A clock and a timer that move only when told to, running each due tick to completion. */
function manualTime(start: string) {
  let now = new Date(start).getTime();
  const timers: { every: number; next: number; tick: () => unknown }[] = [];
  const timer: BackupTimer = {
    every(ms, tick) {
      const entry = { every: ms, next: now + ms, tick };
      timers.push(entry);
      return () => void timers.splice(timers.indexOf(entry), 1);
    },
  };
  return {
    now: () => new Date(now),
    timer,
    armed: () => timers.length,
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.next <= until).sort((a, b) => a.next - b.next)[0];
        if (!due) break;
        now = due.next;
        due.next += due.every;
        await due.tick();
      }
      now = until;
    },
  };
}

const workspaces: TestWorkspace[] = [];
afterEach(() => workspaces.splice(0).forEach((w) => w.dispose()));

async function setUp() {
  const t = createTestWorkspace();
  workspaces.push(t);
  const program = await t.api('programs/create', { title: 'Цифровизация городской среды', periodStart: 2022, periodEnd: 2030 });
  const activity = await t.api('nodes/create', { programId: program.id, parentId: null, kind: 'activity', code: '1.', title: 'Мероприятие 1' });
  const time = manualTime('2026-11-23T12:00:00Z');
  const errors: unknown[] = [];
  const scheduler = new BackupScheduler(t.ws, { now: time.now, timer: time.timer, onError: (error) => errors.push(error) });
  let amount = 100;
  const change = () => t.api('financing/set-year', { nodeId: activity.id, year: 2023, source: 'local', organisationId: null, amount: amount++ });
  const backups = () => listBackups(t.file).map((b) => path.basename(b.file)).reverse();
  return { t, time, scheduler, change, backups, errors };
}

describe('BackupScheduler', () => {
  it('backs up at start, then every 15 minutes only when the database changed', async () => {
    const { time, scheduler, change, backups } = await setUp();
    await scheduler.start();
    expect(backups()).toEqual(['2026-11-23T12-00-00Z-start.sqlite']);

    await time.advance(15 * MINUTE);
    expect(backups()).toHaveLength(1);

    await change();
    await time.advance(14 * MINUTE);
    expect(backups()).toHaveLength(1);
    await time.advance(1 * MINUTE);
    expect(backups()).toEqual(['2026-11-23T12-00-00Z-start.sqlite', '2026-11-23T12-30-00Z-interval.sqlite']);
    expect(scheduler.last?.reason).toBe('interval');

    await time.advance(60 * MINUTE);
    expect(backups()).toHaveLength(2);
  });

  it('sees undo and commits made by another connection as changes', async () => {
    const { t, time, scheduler, change, backups } = await setUp();
    await change();
    await scheduler.start();
    // Undo rewrites rows without adding an edit: total_changes() moves, the max edit id does not.
    await t.api('history/undo', {});
    expect(scheduler.changedSinceLastBackup()).toBe(true);
    await time.advance(15 * MINUTE);
    expect(backups()).toHaveLength(2);

    // Another process writing to the file: PRAGMA data_version moves.
    const other = openSqlite(t.file);
    other.prepare(`UPDATE programs SET title = 'Изменено командной строкой'`).run();
    other.close();
    expect(scheduler.changedSinceLastBackup()).toBe(true);
    await time.advance(15 * MINUTE);
    expect(backups()).toHaveLength(3);
    expect(scheduler.changedSinceLastBackup()).toBe(false);
  });

  it('takes a last backup on close only if something changed, and stops the timer', async () => {
    const { time, scheduler, backups } = await setUp();
    await scheduler.start();
    expect(await scheduler.close()).toBeNull();
    expect(time.armed()).toBe(0);
    expect(backups()).toHaveLength(1);

    const second = await setUp();
    await second.scheduler.start();
    await second.change();
    await second.time.advance(3 * MINUTE);
    const last = await second.scheduler.close();
    expect(last?.reason).toBe('close');
    expect(second.backups()).toEqual(['2026-11-23T12-00-00Z-start.sqlite', '2026-11-23T12-03-00Z-close.sqlite']);
    await second.change();
    await second.time.advance(60 * MINUTE);
    expect(second.backups()).toHaveLength(2);
  });

  it('reports a backup that failed and tries again at the next tick', async () => {
    const { t, time, scheduler, change, backups, errors } = await setUp();
    await scheduler.start();
    await change();
    // The folder replaced by a file: the backup cannot be written.
    const folder = backupFolderOf(t.file);
    rmSync(folder, { recursive: true });
    writeFileSync(folder, '');
    await time.advance(15 * MINUTE);
    expect(errors).toHaveLength(1);
    rmSync(folder);
    mkdirSync(folder);
    await time.advance(15 * MINUTE);
    expect(backups()).toEqual(['2026-11-23T12-30-00Z-interval.sqlite']);
  });
});
