// @vitest-environment jsdom
// The generic spreadsheet grid, by accessible role: keyboard, clipboard, refusals, virtual rows.

import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataGrid } from '../../renderer/grid/DataGrid';
import { cellViewOf } from '../../renderer/grid/GridRowView';
import { formatTsv, parseTsv } from '../../renderer/grid/tsv';
import { columnWindow } from '../../renderer/grid/virtualWindow';
import type { CellRef, CommitResult, GridColumn, GridEdit, GridRow } from '../../renderer/grid/types';
import { shownText } from './support/gridCells';

afterEach(cleanup);

interface Row extends GridRow {
  values: Record<string, string>;
}

const COLUMNS: GridColumn<Row>[] = [
  { key: 'code', title: '№', width: 60, frozen: true, tree: true },
  { key: 'name', title: 'Наименование', width: 200, frozen: true, editable: true },
  { key: 'y2022', title: '2022', width: 100, align: 'right', editable: true },
  { key: 'y2023', title: '2023', width: 100, align: 'right', editable: true },
  { key: 'y2024', title: '2024', width: 100, align: 'right', editable: true },
  { key: 'y2025', title: '2025', width: 100, align: 'right', editable: true },
  { key: 'total', title: 'ИТОГО', width: 100, align: 'right' },
];

function makeRows(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `r${i}`,
    values: { code: String(i + 1), name: `Строка ${i + 1}`, y2022: `${i}0`, y2023: `${i}1`, y2024: `${i}2`, y2025: `${i}3`, total: '' },
  }));
}

interface HarnessProps {
  count?: number;
  /** Decides each commit; by default every edit is accepted and written. */
  decide?: (edits: GridEdit[]) => CommitResult;
  onCommit?: (edits: GridEdit[]) => void;
  onUndo?: () => void;
  onRedo?: () => void;
  readonlyRows?: string[];
  focus?: CellRef | null;
  height?: number;
}

/** A screen in miniature: it owns the rows and writes accepted edits into them. */
function Harness(props: HarnessProps) {
  const [rows, setRows] = useState(() => makeRows(props.count ?? 6));
  const [collapsed, setCollapsed] = useState(false);
  const shown: Row[] = rows.flatMap((row, i): Row[] => {
    if (i === 0) return [{ ...row, collapsible: true, collapsed, emphasis: 'group' as const }];
    if (collapsed && i < 3) return [];
    return [{ ...row, depth: i < 3 ? 1 : 0 }];
  });
  return (
    <DataGrid<Row>
      label="Таблица"
      columns={COLUMNS}
      rows={shown}
      height={props.height ?? 300}
      rowHeight={25}
      cellText={(row, column) => row.values[column.key] ?? ''}
      cellState={(row, column) =>
        props.readonlyRows?.includes(row.key) && column.key.startsWith('y') ? { state: 'readonly', title: 'Сумма складывается из вложенных строк' } : null
      }
      onCommit={async (edits) => {
        props.onCommit?.(edits);
        const result = props.decide?.(edits) ?? { ok: true };
        if (result.ok) {
          setRows((current) =>
            current.map((row) => {
              const mine = edits.filter((e) => e.rowKey === row.key);
              if (mine.length === 0) return row;
              return { ...row, values: { ...row.values, ...Object.fromEntries(mine.map((e) => [e.columnKey, e.text])) } };
            }),
          );
        }
        return result;
      }}
      onToggleRow={() => setCollapsed((c) => !c)}
      onUndo={props.onUndo}
      onRedo={props.onRedo}
      focus={props.focus}
    />
  );
}

const grid = () => screen.getByRole('grid', { name: 'Таблица' });
/** The body cell at a 1-based row of the body and a 1-based column. */
function cell(bodyRow: number, col: number): HTMLElement {
  const row = within(grid())
    .getAllByRole('row')
    .find((r) => r.getAttribute('aria-rowindex') === String(bodyRow + 1));
  if (!row) throw new Error(`row ${bodyRow} is not rendered`);
  return within(row).getAllByRole('gridcell').find((c) => c.getAttribute('aria-colindex') === String(col))!;
}
const cellText = (bodyRow: number, col: number) => shownText(cell(bodyRow, col));
const selected = () =>
  within(grid())
    .getAllByRole('gridcell')
    .filter((c) => c.getAttribute('aria-selected') === 'true')
    .map((c) => `${Number(c.closest('[role=row]')!.getAttribute('aria-rowindex')) - 1}:${c.getAttribute('aria-colindex')}`);

async function clickCell(user: ReturnType<typeof userEvent.setup>, bodyRow: number, col: number) {
  await user.click(cell(bodyRow, col));
}

describe('DataGrid roles', () => {
  it('is a grid of column headers and grid cells with the full counts', () => {
    render(<Harness />);
    const table = grid();
    expect(table.getAttribute('aria-rowcount')).toBe('7');
    expect(table.getAttribute('aria-colcount')).toBe('7');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['№', 'Наименование', '2022', '2023', '2024', '2025', 'ИТОГО']);
    expect(within(table).getAllByRole('gridcell')).toHaveLength(6 * 7);
    expect(cell(1, 2).getAttribute('aria-readonly')).toBe('false');
    expect(cell(1, 7).getAttribute('aria-readonly')).toBe('true');
    expect(cell(1, 1).getAttribute('aria-selected')).toBe('true');
  });

  it('shows grouped header rows above the column titles', () => {
    render(
      <DataGrid<Row>
        label="Таблица"
        columns={COLUMNS}
        headerRows={[[{ title: '', span: 2 }, { title: '2022 год', span: 4 }, { title: '', span: 1 }]]}
        rows={makeRows(2)}
        height={200}
        cellText={(row, column) => row.values[column.key]}
        onCommit={async () => ({ ok: true })}
      />,
    );
    const group = screen.getByRole('columnheader', { name: '2022 год' });
    expect(group.getAttribute('aria-colspan')).toBe('4');
    expect(group.getAttribute('aria-colindex')).toBe('3');
    expect(grid().getAttribute('aria-rowcount')).toBe('4');
  });

  it('draws a group over frozen and scrolling columns in two pieces', () => {
    render(
      <DataGrid<Row>
        label="Таблица"
        columns={COLUMNS}
        headerRows={[[{ title: 'Часть', span: 3 }, { title: 'Годы', span: 4 }]]}
        rows={makeRows(2)}
        height={200}
        cellText={(row, column) => row.values[column.key]}
        onCommit={async () => ({ ok: true })}
      />,
    );
    const groupRow = within(grid()).getAllByRole('row')[0];
    const pieces = within(groupRow).getAllByRole('columnheader');
    expect(pieces.map((h) => [h.textContent, h.getAttribute('aria-colindex'), h.getAttribute('aria-colspan')])).toEqual([
      ['Часть', '1', '2'],
      ['', '3', null],
      ['Годы', '4', '4'],
    ]);
    expect(pieces[0].style.position).toBe('sticky');
    expect(pieces[1].style.position).toBe('relative');
  });
});

describe('DataGrid keyboard', () => {
  it('moves with arrows, Home/End, Ctrl+Home/End, Tab and Shift+Tab wrapping rows', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await clickCell(user, 2, 3);
    expect(selected()).toEqual(['2:3']);
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(selected()).toEqual(['3:4']);
    await user.keyboard('{ArrowLeft}{ArrowUp}{ArrowUp}');
    expect(selected()).toEqual(['1:3']);
    await user.keyboard('{End}');
    expect(selected()).toEqual(['1:7']);
    await user.keyboard('{Home}');
    expect(selected()).toEqual(['1:1']);
    await user.keyboard('{Control>}{End}{/Control}');
    expect(selected()).toEqual(['6:7']);
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(selected()).toEqual(['1:1']);
    await user.keyboard('{End}{Tab}');
    expect(selected()).toEqual(['2:1']);
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(selected()).toEqual(['1:7']);
    await user.keyboard('{PageDown}');
    expect(selected()).toEqual(['6:7']);
    await user.keyboard('{PageUp}');
    expect(selected()).toEqual(['1:7']);
  });

  it('extends the selection with Shift+arrows', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await clickCell(user, 1, 3);
    await user.keyboard('{Shift>}{ArrowRight}{ArrowDown}{/Shift}');
    expect(selected()).toEqual(['1:3', '1:4', '2:3', '2:4']);
    await user.keyboard('{ArrowDown}');
    expect(selected()).toEqual(['3:4']);
  });

  it('typing replaces the text, Enter commits and moves down', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    render(<Harness onCommit={onCommit} />);
    await clickCell(user, 1, 3);
    await user.keyboard('62 526,00');
    const editor = screen.getByRole('textbox', { name: /2022/ });
    expect((editor as HTMLInputElement).value).toBe('62 526,00');
    await user.keyboard('{Enter}');
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(onCommit).toHaveBeenCalledWith([{ rowKey: 'r0', columnKey: 'y2022', text: '62 526,00' }]);
    expect(cellText(1, 3)).toBe('62 526,00');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(selected()).toEqual(['2:3']);
    expect(document.activeElement).toBe(grid());
  });

  it('F2 edits keeping the text, Shift+Enter commits and moves up', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    render(<Harness onCommit={onCommit} />);
    await clickCell(user, 2, 4);
    await user.keyboard('{F2}');
    const editor = screen.getByRole('textbox') as HTMLInputElement;
    expect(editor.value).toBe('11');
    await user.keyboard('5{Shift>}{Enter}{/Shift}');
    expect(onCommit).toHaveBeenCalledWith([{ rowKey: 'r1', columnKey: 'y2023', text: '115' }]);
    expect(selected()).toEqual(['1:4']);
  });

  it('Enter on a cell starts editing; Tab commits and moves right', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    render(<Harness onCommit={onCommit} />);
    await clickCell(user, 3, 3);
    await user.keyboard('{Enter}');
    expect((screen.getByRole('textbox') as HTMLInputElement).value).toBe('20');
    await user.keyboard('{Backspace}{Backspace}7{Tab}');
    expect(onCommit).toHaveBeenCalledWith([{ rowKey: 'r2', columnKey: 'y2022', text: '7' }]);
    expect(selected()).toEqual(['3:4']);
  });

  it('Escape cancels the edit and keeps the old text', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    render(<Harness onCommit={onCommit} />);
    await clickCell(user, 1, 2);
    await user.keyboard('Новое{Escape}');
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(cellText(1, 2)).toBe('Строка 1');
    expect(document.activeElement).toBe(grid());
  });

  it('Delete clears the selection in one commit, skipping read-only cells', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    render(<Harness onCommit={onCommit} />);
    await clickCell(user, 1, 6);
    await user.keyboard('{Shift>}{ArrowRight}{ArrowDown}{/Shift}{Delete}');
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(onCommit.mock.calls[0][0]).toEqual([
      { rowKey: 'r0', columnKey: 'y2025', text: '' },
      { rowKey: 'r1', columnKey: 'y2025', text: '' },
    ]);
  });

  it('Ctrl+Z and Ctrl+Y call undo and redo when not editing', async () => {
    const onUndo = vi.fn();
    const onRedo = vi.fn();
    const user = userEvent.setup();
    render(<Harness onUndo={onUndo} onRedo={onRedo} />);
    await clickCell(user, 1, 3);
    await user.keyboard('{Control>}z{/Control}');
    expect(onUndo).toHaveBeenCalledTimes(1);
    await user.keyboard('{Control>}y{/Control}');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(onRedo).toHaveBeenCalledTimes(2);
    // Inside the editor Ctrl+Z belongs to the text field.
    await user.keyboard('{F2}{Control>}z{/Control}');
    expect(onUndo).toHaveBeenCalledTimes(1);
  });

  it('+ and the chevron collapse and expand a row', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(grid().getAttribute('aria-rowcount')).toBe('7');
    await clickCell(user, 1, 3);
    await user.keyboard('+');
    expect(grid().getAttribute('aria-rowcount')).toBe('5');
    expect(screen.queryByRole('textbox')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Развернуть' }));
    expect(grid().getAttribute('aria-rowcount')).toBe('7');
    expect(screen.getByRole('button', { name: 'Свернуть' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('selects and reveals the cell named by focus', () => {
    const { rerender } = render(<Harness count={200} />);
    rerender(<Harness count={200} focus={{ rowKey: 'r150', columnKey: 'y2024' }} />);
    expect(selected()).toEqual(['151:5']);
    expect(grid().scrollTop).toBeGreaterThan(0);
  });
});

describe('DataGrid refusals', () => {
  it('a read-only cell refuses typing with its reason beside it', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    render(<Harness onCommit={onCommit} readonlyRows={['r0']} />);
    await clickCell(user, 1, 3);
    expect(cell(1, 3).getAttribute('aria-readonly')).toBe('true');
    await user.keyboard('5');
    expect(screen.queryByRole('textbox')).toBeNull();
    const alert = within(cell(1, 3)).getByRole('alert');
    expect(alert.textContent).toBe('Сумма складывается из вложенных строк');
    expect(onCommit).not.toHaveBeenCalled();
    expect(cellText(1, 3)).toBe('00');
  });

  it('a refused commit shows the message beside the cell and the old text stays', async () => {
    const user = userEvent.setup();
    render(<Harness decide={() => ({ ok: false, message: '«около 160»: ожидалась сумма в тыс. руб.' })} />);
    await clickCell(user, 2, 3);
    await user.keyboard('около 160{Enter}');
    const alert = await within(cell(2, 3)).findByRole('alert');
    expect(alert.textContent).toBe('«около 160»: ожидалась сумма в тыс. руб.');
    expect(cellText(2, 3)).toBe('10');
    // The refused cell is selected again, ready to be corrected.
    expect(selected()).toEqual(['2:3']);
    expect(cell(2, 3).getAttribute('aria-describedby')).toBe(alert.id);
  });

  it('a refused paste points at the cell the refusal names', async () => {
    const user = userEvent.setup();
    render(<Harness decide={(edits) => ({ ok: false, message: 'плохая сумма', cell: edits[2] })} />);
    await clickCell(user, 1, 3);
    await user.paste('1\t2\n3\t4');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('плохая сумма');
    expect(cell(2, 3).contains(alert)).toBe(true);
    expect(cellText(1, 3)).toBe('00');
  });
});

describe('DataGrid clipboard', () => {
  it('copies a 2×2 block as tab-separated text', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await clickCell(user, 1, 2);
    await user.keyboard('{Shift>}{ArrowRight}{ArrowDown}{/Shift}');
    // The copy event Ctrl+C raises (user-event copies only a text selection, a grid has none).
    const clipboard = new Map<string, string>();
    const clipboardData = { setData: (type: string, value: string) => clipboard.set(type, value), getData: (type: string) => clipboard.get(type) ?? '' };
    fireEvent.copy(grid(), { clipboardData });
    expect(clipboard.get('text/plain')).toBe('Строка 1\t00\r\nСтрока 2\t10');
  });

  it('pastes a 2×4 block from Excel in one commit of eight edits', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    render(<Harness onCommit={onCommit} />);
    await clickCell(user, 2, 3);
    await user.paste('62 526,00\t62 526,00\t61 960,00\t78 057,00\r\n1\t2\t3\t4\r\n');
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(onCommit.mock.calls[0][0]).toEqual([
      { rowKey: 'r1', columnKey: 'y2022', text: '62 526,00' },
      { rowKey: 'r1', columnKey: 'y2023', text: '62 526,00' },
      { rowKey: 'r1', columnKey: 'y2024', text: '61 960,00' },
      { rowKey: 'r1', columnKey: 'y2025', text: '78 057,00' },
      { rowKey: 'r2', columnKey: 'y2022', text: '1' },
      { rowKey: 'r2', columnKey: 'y2023', text: '2' },
      { rowKey: 'r2', columnKey: 'y2024', text: '3' },
      { rowKey: 'r2', columnKey: 'y2025', text: '4' },
    ]);
    expect(cellText(2, 5)).toBe('61 960,00');
    expect(cellText(3, 6)).toBe('4');
    // The pasted block stays selected.
    expect(selected()).toHaveLength(8);
  });

  it('skips read-only cells of a pasted block and says so', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    render(<Harness onCommit={onCommit} />);
    await clickCell(user, 1, 6);
    await user.paste('5\t6');
    expect(onCommit).toHaveBeenCalledWith([{ rowKey: 'r0', columnKey: 'y2025', text: '5' }]);
    expect((await screen.findByRole('status')).textContent).toMatch(/пропущено ячеек только для чтения: 1/);
  });

  it('one copied cell fills a selected block', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    render(<Harness onCommit={onCommit} />);
    await clickCell(user, 1, 3);
    await user.keyboard('{Shift>}{ArrowRight}{ArrowDown}{/Shift}');
    await user.paste('0\r\n');
    expect(onCommit.mock.calls[0][0].map((e: GridEdit) => e.text)).toEqual(['0', '0', '0', '0']);
  });

  it('reads and writes quoted cells as Excel does', () => {
    const block = [
      ['Мероприятие 1.1.1', 'строка\nвторая', '62 526,00'],
      ['"кавычки"', 'табуляция\tвнутри', ''],
    ];
    const text = formatTsv(block);
    expect(text).toBe('Мероприятие 1.1.1\t"строка\nвторая"\t62 526,00\r\n"""кавычки"""\t"табуляция\tвнутри"\t');
    expect(parseTsv(text)).toEqual(block);
    expect(parseTsv(`${text}\r\n`)).toEqual(block);
    expect(parseTsv('a\tb\nc\td\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('5 "дюймов"\tx')).toEqual([['5 "дюймов"', 'x']]);
    expect(parseTsv('"не закрыта\tx')).toEqual([['"не закрыта', 'x']]);
    expect(parseTsv('\r\n')).toEqual([['']]);
  });
});

describe('DataGrid virtual rows', () => {
  it('keeps only the rows in view in the DOM for 10 000 rows', async () => {
    const rows = makeRows(10_000);
    render(
      <DataGrid<Row>
        label="Таблица"
        columns={COLUMNS}
        rows={rows}
        height={500}
        rowHeight={25}
        cellText={(row, column) => row.values[column.key]}
        onCommit={async () => ({ ok: true })}
      />,
    );
    const table = grid();
    expect(table.getAttribute('aria-rowcount')).toBe('10001');
    const bodyRows = () => within(table).getAllByRole('row').filter((r) => r.getAttribute('data-row') !== null);
    expect(bodyRows().length).toBeLessThan(100);
    expect(bodyRows().length).toBeGreaterThan(15);

    act(() => {
      table.scrollTop = 25 * 5000;
      fireEvent.scroll(table);
    });
    const indices = bodyRows().map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(indices).toContain(5002);
    expect(bodyRows().length).toBeLessThan(100);

    const user = userEvent.setup();
    await user.click(within(bodyRows()[15]).getAllByRole('gridcell')[2]);
    await user.keyboard('{Control>}{End}{/Control}');
    expect(bodyRows().some((r) => r.getAttribute('aria-rowindex') === '10001')).toBe(true);
    expect(table.scrollTop).toBe(10_000 * 25 - (500 - 25));
  });

  it('does not render rows again while scrolling', () => {
    const cellText = vi.fn((row: Row, column: GridColumn<Row>) => row.values[column.key]);
    const rows = makeRows(10_000);
    render(<DataGrid<Row> label="Таблица" columns={COLUMNS} rows={rows} height={500} rowHeight={25} overscan={5} cellText={cellText} onCommit={async () => ({ ok: true })} />);
    const table = grid();
    cellText.mockClear();
    act(() => {
      table.scrollTop = 25 * 3;
      fireEvent.scroll(table);
    });
    // Three rows came into the window: only they are rendered, seven cells each.
    expect(cellText.mock.calls.length).toBe(3 * 7);
  });

  it('keeps rows in their slots while scrolling and in reading order once the view rests', async () => {
    render(<DataGrid<Row> label="Таблица" columns={COLUMNS} rows={makeRows(1_000)} height={500} rowHeight={25} cellText={(row, column) => row.values[column.key]} onCommit={async () => ({ ok: true })} />);
    const table = grid();
    const order = () => within(table).getAllByRole('row').filter((r) => r.getAttribute('data-row') !== null).map((r) => Number(r.getAttribute('data-row')));
    const elementOf = (index: number) => table.querySelector(`[data-row="${index}"]`);
    expect(order()).toEqual([...order()].sort((a, b) => a - b));
    const row12 = elementOf(12);
    act(() => {
      table.scrollTop = 25 * 10;
      fireEvent.scroll(table);
    });
    // Scrolling ten rows down: the rows still in view kept their elements, none of them moved,
    // and the rows scrolled in took over the slots of those scrolled out.
    expect(elementOf(12)).toBe(row12);
    const scrolled = order();
    // Two rows above the view are drawn, and row 0, scrolled away, stays: it holds the active cell.
    expect(scrolled).toContain(8);
    expect(scrolled).not.toContain(7);
    expect(scrolled).not.toEqual([...scrolled].sort((a, b) => a - b));
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(order()).toEqual([...scrolled].sort((a, b) => a - b));
    expect(elementOf(12)).toBe(row12);
  });

  // Chromium blurs an input whose row is moved or made anew, and a blurred editor commits; jsdom
  // does not, so this checks that the editor's row is neither.
  it('never moves or remakes the edited row, so the editor keeps its focus through a scroll', async () => {
    const onCommit = vi.fn(async () => ({ ok: true as const }));
    render(<DataGrid<Row> label="Таблица" columns={COLUMNS} rows={makeRows(1_000)} height={500} rowHeight={25} cellText={(row, column) => row.values[column.key]} onCommit={onCommit} />);
    const table = grid();
    const order = () => within(table).getAllByRole('row').filter((r) => r.getAttribute('data-row') !== null).map((r) => Number(r.getAttribute('data-row')));
    const user = userEvent.setup();
    await user.click(cell(13, 3));
    await user.keyboard('77');
    const editor = within(table).getByRole('textbox');
    expect(document.activeElement).toBe(editor);
    act(() => {
      table.scrollTop = 25 * 10;
      fireEvent.scroll(table);
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(document.activeElement).toBe(editor);
    expect((editor as HTMLInputElement).value).toBe('77');
    expect(onCommit).not.toHaveBeenCalled();
    // Scrolled far out of view and back, the editor is the same element, still typed into.
    act(() => {
      table.scrollTop = 25 * 500;
      fireEvent.scroll(table);
    });
    act(() => {
      table.scrollTop = 25 * 10;
      fireEvent.scroll(table);
    });
    expect(within(table).getByRole('textbox')).toBe(editor);
    expect(document.activeElement).toBe(editor);
    expect(onCommit).not.toHaveBeenCalled();
    // While the view rests, the edited row comes first and the others are in reading order.
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(order()).toEqual([12, ...order().slice(1).sort((a, b) => a - b)]);
    await user.keyboard('{Escape}');
    expect(order()).toEqual([...order()].sort((a, b) => a - b));
  });

  it('shows a moved figure when the screen reads its cells anew, touching no other row', () => {
    const rows = makeRows(1_000);
    const props = { label: 'Таблица', columns: COLUMNS, rows, height: 500, rowHeight: 25, onCommit: async () => ({ ok: true as const }) };
    const { rerender } = render(<DataGrid<Row> {...props} cellText={(row, column) => row.values[column.key]} />);
    const table = grid();
    const observer = new MutationObserver(() => undefined);
    observer.observe(table, { subtree: true, childList: true, characterData: true, attributes: true });
    // A new way of reading the cells, as after a typed amount: one figure of the fifth row moves.
    rerender(<DataGrid<Row> {...props} cellText={(row, column) => (row.key === 'r4' && column.key === 'y2023' ? '999' : row.values[column.key])} />);
    const changed = new Set<string>();
    for (const record of observer.takeRecords()) {
      const node = record.target instanceof Element ? record.target : record.target.parentElement;
      changed.add(node?.closest('[role="row"]')?.getAttribute('aria-rowindex') ?? 'outside the rows');
    }
    observer.disconnect();
    expect(within(table).getAllByRole('row').find((row) => row.getAttribute('data-row') === '4')!.textContent).toContain('999');
    expect([...changed]).toEqual(['6']);
  });
});

describe('DataGrid virtual columns', () => {
  // № and Наименование are frozen (0–260 px); the years and ИТОГО are 100 px each from 260.
  const layout = { left: [0, 60, 260, 360, 460, 560, 660], totalWidth: 760, frozenCount: 2, frozenWidth: 260 };

  it('finds the scrolling columns in view, one more at each side', () => {
    expect(columnWindow(layout, 0, 500, 0)).toEqual({ start: 2, end: 5 });
    expect(columnWindow(layout, 0, 500, 1)).toEqual({ start: 2, end: 6 });
    // Scrolled 300 px: 2022–2024 slid under the frozen columns; 2025 and ИТОГО show.
    expect(columnWindow(layout, 300, 500, 0)).toEqual({ start: 5, end: 7 });
    expect(columnWindow(layout, 300, 500, 1)).toEqual({ start: 4, end: 7 });
    // A column whose edge touches the view's edge is not in it.
    expect(columnWindow(layout, 100, 500, 0)).toEqual({ start: 3, end: 6 });
    // Unmeasured (jsdom) or wider than the table: every column.
    expect(columnWindow(layout, 0, 0, 1)).toEqual({ start: 2, end: 7 });
    expect(columnWindow(layout, 0, 2000, 1)).toEqual({ start: 2, end: 7 });
  });

  it('draws only the columns in view and the active cell, and follows a horizontal scroll', async () => {
    // jsdom lays nothing out: give the grid a measured width of 500 px.
    const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.getAttribute('role') === 'grid' ? 500 : 0;
    });
    try {
      render(<Harness count={6} />);
      const drawnColumns = (bodyRow: number) =>
        within(within(grid()).getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === String(bodyRow + 1))!)
          .getAllByRole('gridcell')
          .map((c) => Number(c.getAttribute('aria-colindex')));
      expect(drawnColumns(2)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(grid().getAttribute('aria-colcount')).toBe('7');

      act(() => {
        grid().scrollLeft = 300;
        fireEvent.scroll(grid());
      });
      expect(drawnColumns(2)).toEqual([1, 2, 5, 6, 7]);
      expect(cellText(2, 7)).toBe('');

      // The active cell is drawn wherever it is, as aria-activedescendant names it.
      const user = userEvent.setup();
      await user.click(cell(3, 7));
      act(() => {
        grid().scrollLeft = 0;
        fireEvent.scroll(grid());
      });
      expect(drawnColumns(3)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(drawnColumns(2)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(grid().getAttribute('aria-activedescendant')).toBe(cell(3, 7).id);
      // Moving to ИТОГО from the left scrolls the view to show it, and the window follows at once.
      await user.keyboard('{Home}');
      expect(drawnColumns(3)).toEqual([1, 2, 3, 4, 5, 6]);
      await user.keyboard('{End}');
      expect(grid().scrollLeft).toBe(760 - 500);
      expect(drawnColumns(3)).toEqual([1, 2, 4, 5, 6, 7]);
      expect(drawnColumns(2)).toEqual([1, 2, 4, 5, 6, 7]);
      expect(grid().getAttribute('aria-activedescendant')).toBe(cell(3, 7).id);
    } finally {
      width.mockRestore();
    }
  });
  it('draws nothing beyond the view across the way it moves, and its margins again once it rests', async () => {
    const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.getAttribute('role') === 'grid' ? 500 : 0;
    });
    try {
      render(<DataGrid<Row> label="Таблица" columns={COLUMNS} rows={makeRows(1_000)} height={500} rowHeight={25} cellText={(row, column) => row.values[column.key]} onCommit={async () => ({ ok: true })} />);
      const table = grid();
      const drawnRows = () =>
        within(table)
          .getAllByRole('row')
          .filter((r) => r.getAttribute('data-row') !== null)
          .map((r) => Number(r.getAttribute('data-row')))
          .sort((a, b) => a - b);
      const drawnColumns = (index: number) =>
        within(table.querySelector<HTMLElement>(`[data-row="${index}"]`)!)
          .getAllByRole('gridcell')
          .map((c) => Number(c.getAttribute('aria-colindex')));
      const span = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
      const rest = () => act(() => new Promise((resolve) => setTimeout(resolve, 300)));
      // At rest: 2022–2024 show (2024 in part), 2025 is the margin; 20 rows show, 2 more below.
      expect(drawnColumns(5)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(drawnRows()).toEqual(span(0, 22));

      act(() => {
        table.scrollTop = 25 * 10;
        fireEvent.scroll(table);
      });
      // Moving down: rows above and below the view, no column beyond it. Row 0 stays: it holds the active cell.
      expect(drawnRows()).toEqual([0, ...span(8, 32)]);
      expect(drawnColumns(15)).toEqual([1, 2, 3, 4, 5]);
      await rest();
      expect(drawnColumns(15)).toEqual([1, 2, 3, 4, 5, 6]);

      act(() => {
        table.scrollLeft = 100;
        fireEvent.scroll(table);
      });
      // Moving sideways: a column at each side, no row beyond the view.
      expect(drawnColumns(15)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(drawnRows()).toEqual([0, ...span(10, 30)]);
      await rest();
      expect(drawnRows()).toEqual([0, ...span(8, 32)]);
    } finally {
      width.mockRestore();
    }
  });

  it('draws no margin while the view leaps a screen at a time, and its margins again on a short move', () => {
    render(<DataGrid<Row> label="Таблица" columns={COLUMNS} rows={makeRows(1_000)} height={500} rowHeight={25} cellText={(row, column) => row.values[column.key]} onCommit={async () => ({ ok: true })} />);
    const table = grid();
    const drawnRows = () =>
      within(table)
        .getAllByRole('row')
        .map((r) => r.getAttribute('data-row'))
        .filter((index) => index !== null)
        .map(Number)
        .sort((a, b) => a - b);
    const span = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
    const scrollTo = (top: number) =>
      act(() => {
        table.scrollTop = top;
        fireEvent.scroll(table);
      });
    // 19 rows show under the header row, with one cut at an edge: 20. Row 0 holds the active cell.
    scrollTo(25 * 30);
    expect(drawnRows()).toEqual([0, ...span(30, 50)]);
    scrollTo(25 * 60);
    expect(drawnRows()).toEqual([0, ...span(60, 80)]);
    // A wheel's step: the rows at the edges are the next to show.
    scrollTo(25 * 61);
    expect(drawnRows()).toEqual([0, ...span(59, 83)]);
  });
});

describe('DataGrid cell clipping', () => {
  it('clips only a text that may not fit its cell', () => {
    const column: GridColumn<Row> = { key: 'y2022', title: '2022', width: 116, align: 'right' };
    const row = makeRows(1)[0];
    const clipped = (text: string) => cellViewOf(row, column, () => text, undefined, undefined).look.includes('dg-cell--clip');
    expect(clipped('1\u00a0411,63')).toBe(false);
    expect(clipped('УФКиМС')).toBe(false);
    // Twelve digits and signs may be wider than 116 px in a wide face; a long name surely is.
    expect(clipped('43\u00a0709,52333')).toBe(true);
    expect(clipped('Администрация города Рязани')).toBe(true);
  });
});
