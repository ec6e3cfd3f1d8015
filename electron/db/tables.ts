// Row types of the SQLite tables, as Kysely sees them (snake_case, as stored).

import type { Generated } from 'kysely';

export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  abbreviation: string | null;
}
export interface OrganisationAliasesTable {
  id: Generated<number>;
  organisation_id: number;
  alias: string;
  match_key: string;
}
export interface ProgramsTable {
  id: Generated<number>;
  title: string;
  level: string;
  status: string;
  period_start: number;
  period_end: number;
  responsible_executor_id: number | null;
  goal: string;
  tasks: string;
  expected_results: string;
  legal_basis: string;
  source_labels: string;
  created_at: string;
  updated_at: string;
}
export interface ProgramOrganisationsTable {
  id: Generated<number>;
  program_id: number;
  organisation_id: number;
  role: string;
  position: number;
}
export interface NodesTable {
  id: Generated<number>;
  program_id: number;
  parent_id: number | null;
  kind: string;
  code: string;
  title: string;
  position: number;
  period_start: number | null;
  period_end: number | null;
  expected_result: string;
  deadline: string | null;
  responsible_person: string | null;
  source: string | null;
}
export interface NodeExecutorsTable {
  id: Generated<number>;
  node_id: number;
  organisation_id: number;
  label: string | null;
  position: number;
}
export interface FinancingTable {
  id: Generated<number>;
  node_id: number;
  year: number;
  source: string;
  organisation_id: number | null;
  kopecks: number;
}
export interface QuarterlyPlanTable extends FinancingTable {
  quarter: number;
}
export interface ApprovedBudgetTable {
  id: Generated<number>;
  program_id: number;
  year: number;
  source: string;
  kopecks: number;
}
export interface StatedTotalsTable {
  id: Generated<number>;
  program_id: number;
  node_id: number | null;
  year: number | null;
  organisation_id: number | null;
  kopecks: number;
  origin: string;
}
export interface IndicatorsTable {
  id: Generated<number>;
  program_id: number;
  task_node_id: number | null;
  code: string;
  name: string;
  unit: string;
  direction: string;
  cumulative: number;
  kind: string;
  territory: string | null;
  note: string | null;
  base_comparator: string | null;
  base_value: string | null;
  base_mark: string | null;
  base_text: string | null;
  base_year: number | null;
  base_date: string | null;
  position: number;
}
export interface IndicatorValuesTable {
  id: Generated<number>;
  indicator_id: number;
  year: number;
  period: number;
  type: string;
  comparator: string | null;
  value: string | null;
  mark: string | null;
  text: string;
  date: string | null;
  comment: string | null;
}
export interface NodeIndicatorsTable {
  id: Generated<number>;
  node_id: number;
  indicator_id: number;
}
export interface AmendmentsTable {
  id: Generated<number>;
  program_id: number;
  act_kind: string;
  issuer: string;
  number: string;
  date: string;
  title: string;
  status: string;
}
export interface AmendmentTargetsTable {
  id: Generated<number>;
  amendment_id: number;
  entity: string;
  entity_id: number;
}
export interface EditionsTable {
  id: Generated<number>;
  program_id: number;
  amendment_id: number | null;
  moment: string;
  taken_at: string;
  document: string;
}
export interface EditsTable {
  id: Generated<number>;
  at: string;
  program_id: number | null;
  amendment_id: number | null;
  action: string;
  summary: string;
  state: string;
}
export interface EditChangesTable {
  id: Generated<number>;
  edit_id: number;
  tbl: string;
  row_id: number;
  before: string | null;
  after: string | null;
}
export interface JournalStateTable {
  id: number;
  edit_id: number | null;
}

export interface DatabaseSchema {
  organisations: OrganisationsTable;
  organisation_aliases: OrganisationAliasesTable;
  programs: ProgramsTable;
  program_organisations: ProgramOrganisationsTable;
  nodes: NodesTable;
  node_executors: NodeExecutorsTable;
  financing: FinancingTable;
  quarterly_plan: QuarterlyPlanTable;
  approved_budget: ApprovedBudgetTable;
  stated_totals: StatedTotalsTable;
  indicators: IndicatorsTable;
  indicator_values: IndicatorValuesTable;
  node_indicators: NodeIndicatorsTable;
  amendments: AmendmentsTable;
  amendment_targets: AmendmentTargetsTable;
  editions: EditionsTable;
  edits: EditsTable;
  edit_changes: EditChangesTable;
  journal_state: JournalStateTable;
}
