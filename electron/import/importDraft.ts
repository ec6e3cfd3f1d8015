// What an import will create: a whole program built from the recognised tables, with local
// ids, the totals the file states, and every doubtful cell noted with its place. The preview
// shows it; the commit writes exactly it.

import type {
  Amendment,
  BudgetRow,
  FinancingRow,
  Indicator,
  NodeKind,
  Organisation,
  ProgramDetail,
  ProgramLevel,
  ProgramNode,
  QuarterlyRow,
  Source,
  StatedTotal,
} from '../../shared/domain';
import { organisationMatchKey } from '../db/repositories/organisations.repository';
import { clean, normaliseCode, parseExecutor, type AmendmentNoteText } from './cellText';
import { describePlace, type Place } from './place';

export interface Doubt {
  where: string;
  message: string;
}

/** The organisation an executor text names, and how the text names it. */
export interface NamedExecutor {
  organisationId: number;
  /** The organisation's name (its first spelling seen). */
  name: string;
  /** The executor as written, without the person. */
  label: string;
  person: string | null;
}

export interface RecognisedTable {
  table: string;
  kind: string;
  label: string;
  /** 0…1: how much of what the kind expects was found. */
  confidence: number;
  rows: number;
}

function nodeKey(code: string, title: string): string {
  const normalised = normaliseCode(code);
  return normalised ? `code|${normalised}` : `title|${title}`;
}

export class ImportDraft {
  title = '';
  /** Municipal unless a form only a region fills in says otherwise. */
  level: ProgramLevel = 'municipal';
  periodStart: number | null = null;
  periodEnd: number | null = null;
  goal = '';
  sourceLabels: Partial<Record<Source, string>> = {};
  readonly organisations = new Map<string, Organisation>();
  readonly nodes: ProgramNode[] = [];
  readonly financing: FinancingRow[] = [];
  readonly quarterly: QuarterlyRow[] = [];
  readonly budget: BudgetRow[] = [];
  readonly statedTotals: StatedTotal[] = [];
  readonly indicators: Indicator[] = [];
  readonly amendments: Amendment[] = [];
  readonly doubts: Doubt[] = [];
  readonly tables: RecognisedTable[] = [];
  private nextId = 1;
  private readonly nodesByKey = new Map<string, ProgramNode[]>();
  private readonly childCount = new Map<number | null, number>();
  private readonly executorTexts = new Map<string, Readonly<NamedExecutor>>();

  constructor(readonly file: string) {}

  doubt(place: Place, message: string): void {
    this.doubts.push({ where: `${this.file}, ${describePlace(place)}`, message });
  }

  /**
   * The organisation an executor text names (its first body), created on first sight.
   * `oneBody`: the text names exactly one body, whose name may itself hold commas («Департамент
   * … по охране, контролю и регулированию использования лесного хозяйства, …»), as a column
   * «Ответственный орган» does — splitting it at the first comma would cut the name. (Added for
   * the strategy-projects kind.)
   */
  organisation(text: string, oneBody = false): Readonly<NamedExecutor> {
    // A table repeats a few executor texts on thousands of rows: each is parsed once.
    const seenKey = `${oneBody ? 'one' : 'list'}|${text}`;
    const seen = this.executorTexts.get(seenKey);
    if (seen) return seen;
    const executor = oneBody ? { head: clean(text), label: clean(text), person: null } : parseExecutor(text);
    const key = organisationMatchKey(executor.head);
    let organisation = this.organisations.get(key);
    if (!organisation) {
      organisation = { id: this.nextId++, name: executor.head, abbreviation: null, aliases: [] };
      this.organisations.set(key, organisation);
    }
    const named = { organisationId: organisation.id, label: executor.label, person: executor.person, name: organisation.name };
    this.executorTexts.set(seenKey, named);
    return named;
  }

  /**
   * A part already read. Dotted codes («2.1.1») are unique in a program; short ones («02»)
   * repeat under each subprogram, so those are looked up under a given parent. Parts are
   * indexed by code (or title where there is none): a 10 000-row table looks each one up.
   */
  findNode(kind: NodeKind | null, code: string, title?: string, parentId?: number | null): ProgramNode | undefined {
    return this.nodesByKey
      .get(nodeKey(code, title ?? ''))
      ?.find((n) => (kind === null || n.kind === kind) && (parentId === undefined || n.parentId === parentId));
  }

  addNode(fields: Partial<ProgramNode> & Pick<ProgramNode, 'kind' | 'code' | 'title' | 'parentId'>): ProgramNode {
    const position = this.childCount.get(fields.parentId) ?? 0;
    this.childCount.set(fields.parentId, position + 1);
    const node: ProgramNode = {
      id: this.nextId++,
      position,
      periodStart: null,
      periodEnd: null,
      expectedResult: '',
      deadline: null,
      responsiblePerson: null,
      source: null,
      executors: [],
      ...fields,
    };
    this.nodes.push(node);
    const key = nodeKey(node.code, node.title);
    const sameKey = this.nodesByKey.get(key);
    if (sameKey) sameKey.push(node);
    else this.nodesByKey.set(key, [node]);
    return node;
  }

  addExecutor(node: ProgramNode, text: string, oneBody = false): number {
    const { organisationId, label, person, name } = this.organisation(text, oneBody);
    if (!node.executors.some((e) => e.organisationId === organisationId)) {
      node.executors.push({ organisationId, label: label === name ? null : label });
    }
    if (person && !node.responsiblePerson) node.responsiblePerson = person;
    return organisationId;
  }

  /** An indicator with what the form gave; the rest as a new indicator has it (рост, основной). */
  addIndicator(fields: Pick<Indicator, 'name'> & Partial<Omit<Indicator, 'id' | 'position' | 'values' | 'nodeIds'>>): Indicator {
    const indicator: Indicator = {
      code: '',
      unit: '',
      direction: 'up',
      cumulative: false,
      kind: 'main',
      territory: null,
      note: null,
      taskNodeId: null,
      base: null,
      baseYear: null,
      baseDate: null,
      ...fields,
      id: this.nextId++,
      position: this.indicators.length,
      values: [],
      nodeIds: [],
    };
    this.indicators.push(indicator);
    return indicator;
  }

  /** The amendment a note cites, one per act however many rows cite it. */
  amendment(note: AmendmentNoteText): Amendment {
    let amendment = this.amendments.find((a) => a.number === note.number && a.date === note.date);
    if (!amendment) {
      amendment = { id: this.nextId++, actKind: note.actKind, issuer: note.issuer, number: note.number, date: note.date, title: '', status: 'closed', targets: [] };
      this.amendments.push(amendment);
    }
    return amendment;
  }

  markAmended(note: AmendmentNoteText, target: Amendment['targets'][number]): void {
    const amendment = this.amendment(note);
    if (!amendment.targets.some((t) => t.entity === target.entity && t.entityId === target.entityId)) amendment.targets.push(target);
  }

  /** A table's year columns give the program's period, unless a form title stated it already. */
  takePeriodFrom(years: readonly (number | null)[]): void {
    const known = years.filter((year): year is number => year !== null);
    if (this.periodStart !== null || known.length === 0) return;
    this.periodStart = Math.min(...known);
    this.periodEnd = Math.max(...known);
  }

  /** The program the draft describes, in the shape the store writes. */
  toProgramDetail(fallbackTitle: string): ProgramDetail {
    // A loop, not Math.min(...years): a large table has more amounts than a call has arguments.
    // Indexed, since this runs once, mostly unoptimised, where each iterator step allocates.
    let first = Infinity;
    let last = -Infinity;
    const see = (year: number | null) => {
      if (year === null) return;
      if (year < first) first = year;
      if (year > last) last = year;
    };
    for (const rows of [this.financing, this.quarterly, this.budget, this.statedTotals]) for (let i = 0; i < rows.length; i++) see(rows[i].year);
    for (const indicator of this.indicators) for (const value of indicator.values) if (value.type === 'plan') see(value.year);
    const now = new Date().toISOString();
    const periodStart = this.periodStart ?? (Number.isFinite(first) ? first : new Date().getFullYear());
    const periodEnd = Math.max(this.periodEnd ?? (Number.isFinite(last) ? last : periodStart), periodStart);
    return {
      program: {
        id: 0,
        title: this.title || fallbackTitle,
        level: this.level,
        status: 'draft',
        periodStart,
        periodEnd,
        responsibleExecutorId: null,
        coExecutorIds: [],
        participantIds: [],
        goal: this.goal,
        tasks: '',
        expectedResults: '',
        legalBasis: '',
        sourceLabels: this.sourceLabels,
        createdAt: now,
        updatedAt: now,
      },
      organisations: [...this.organisations.values()],
      nodes: this.nodes,
      financing: this.financing,
      quarterly: this.quarterly,
      budget: this.budget,
      statedTotals: this.statedTotals,
      indicators: this.indicators,
      amendments: this.amendments,
    };
  }
}
