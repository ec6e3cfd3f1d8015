// Frozen: this is the schema as version 1 shipped it. Change the schema with a new migration.

import type { SqliteHandle } from '../sqlite';
import { installJournalTriggers } from './journalTriggers';

export const schemaVersion1 = `
CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  abbreviation TEXT
);
CREATE TABLE organisation_aliases (
  id INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  alias TEXT NOT NULL,
  -- the alias folded for matching (case, quotes, spaces, punctuation): one body per spelling
  match_key TEXT NOT NULL UNIQUE
);
CREATE INDEX organisation_aliases_organisation ON organisation_aliases(organisation_id);

CREATE TABLE programs (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('municipal', 'regional')),
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'active', 'completed', 'archived')),
  period_start INTEGER NOT NULL,
  period_end INTEGER NOT NULL CHECK (period_end >= period_start),
  responsible_executor_id INTEGER REFERENCES organisations(id),
  goal TEXT NOT NULL DEFAULT '',
  tasks TEXT NOT NULL DEFAULT '',
  expected_results TEXT NOT NULL DEFAULT '',
  legal_basis TEXT NOT NULL DEFAULT '',
  source_labels TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE program_organisations (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  role TEXT NOT NULL CHECK (role IN ('coExecutor', 'participant')),
  position INTEGER NOT NULL,
  UNIQUE (program_id, role, organisation_id)
);

CREATE TABLE nodes (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id),
  parent_id INTEGER REFERENCES nodes(id),
  kind TEXT NOT NULL CHECK (kind IN ('subprogram', 'task', 'mainActivity', 'activity', 'step')),
  code TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  position INTEGER NOT NULL,
  period_start INTEGER,
  period_end INTEGER,
  expected_result TEXT NOT NULL DEFAULT '',
  deadline TEXT,
  responsible_person TEXT
);
CREATE INDEX nodes_tree ON nodes(program_id, parent_id, position);
CREATE INDEX nodes_parent ON nodes(parent_id);

CREATE TABLE node_executors (
  id INTEGER PRIMARY KEY,
  node_id INTEGER NOT NULL REFERENCES nodes(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  label TEXT,
  position INTEGER NOT NULL,
  UNIQUE (node_id, organisation_id)
);

CREATE TABLE financing (
  id INTEGER PRIMARY KEY,
  node_id INTEGER NOT NULL REFERENCES nodes(id),
  year INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('local', 'regional', 'federal', 'offBudget', 'none')),
  organisation_id INTEGER REFERENCES organisations(id),
  kopecks INTEGER NOT NULL CHECK (typeof(kopecks) = 'integer')
);
CREATE UNIQUE INDEX financing_cell ON financing(node_id, year, source, ifnull(organisation_id, 0));

CREATE TABLE quarterly_plan (
  id INTEGER PRIMARY KEY,
  node_id INTEGER NOT NULL REFERENCES nodes(id),
  year INTEGER NOT NULL,
  quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  source TEXT NOT NULL CHECK (source IN ('local', 'regional', 'federal', 'offBudget', 'none')),
  organisation_id INTEGER REFERENCES organisations(id),
  kopecks INTEGER NOT NULL CHECK (typeof(kopecks) = 'integer')
);
CREATE UNIQUE INDEX quarterly_plan_cell ON quarterly_plan(node_id, year, source, ifnull(organisation_id, 0), quarter);

-- What a cell of the year really holds: the sum of its quarters where the roadmap has them,
-- otherwise the year's own amount.
CREATE VIEW effective_financing AS
  SELECT f.node_id, f.year, f.source, f.organisation_id, f.kopecks
  FROM financing f
  WHERE NOT EXISTS (
    SELECT 1 FROM quarterly_plan q
    WHERE q.node_id = f.node_id AND q.year = f.year AND q.source = f.source
      AND ifnull(q.organisation_id, 0) = ifnull(f.organisation_id, 0))
  UNION ALL
  SELECT node_id, year, source, organisation_id, SUM(kopecks)
  FROM quarterly_plan
  GROUP BY node_id, year, source, organisation_id;

CREATE TABLE approved_budget (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id),
  year INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('local', 'regional', 'federal', 'offBudget', 'none')),
  kopecks INTEGER NOT NULL CHECK (typeof(kopecks) = 'integer'),
  UNIQUE (program_id, year, source)
);

CREATE TABLE stated_totals (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id),
  node_id INTEGER REFERENCES nodes(id),
  year INTEGER,
  organisation_id INTEGER REFERENCES organisations(id),
  kopecks INTEGER NOT NULL CHECK (typeof(kopecks) = 'integer'),
  origin TEXT NOT NULL
);
CREATE INDEX stated_totals_program ON stated_totals(program_id);

CREATE TABLE indicators (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id),
  task_node_id INTEGER REFERENCES nodes(id),
  code TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),
  cumulative INTEGER NOT NULL CHECK (cumulative IN (0, 1)),
  kind TEXT NOT NULL CHECK (kind IN ('main', 'additional')),
  territory TEXT,
  note TEXT,
  base_comparator TEXT,
  base_value TEXT,
  base_mark TEXT,
  base_text TEXT,
  base_year INTEGER,
  base_date TEXT,
  position INTEGER NOT NULL
);
CREATE INDEX indicators_program ON indicators(program_id, position);

CREATE TABLE indicator_values (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicators(id),
  year INTEGER NOT NULL,
  period INTEGER NOT NULL CHECK (period BETWEEN 0 AND 4),
  type TEXT NOT NULL CHECK (type IN ('plan', 'fact')),
  comparator TEXT CHECK (comparator IN ('>=', '<=', '=', '>', '<')),
  value TEXT,
  mark TEXT CHECK (mark IN ('x', '-')),
  text TEXT NOT NULL,
  date TEXT,
  comment TEXT,
  UNIQUE (indicator_id, year, period, type)
);

CREATE TABLE node_indicators (
  id INTEGER PRIMARY KEY,
  node_id INTEGER NOT NULL REFERENCES nodes(id),
  indicator_id INTEGER NOT NULL REFERENCES indicators(id),
  UNIQUE (node_id, indicator_id)
);
CREATE INDEX node_indicators_indicator ON node_indicators(indicator_id);

CREATE TABLE amendments (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id),
  act_kind TEXT NOT NULL,
  issuer TEXT NOT NULL,
  number TEXT NOT NULL,
  date TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('open', 'closed'))
);
CREATE UNIQUE INDEX amendments_one_open ON amendments(program_id) WHERE status = 'open';

CREATE TABLE amendment_targets (
  id INTEGER PRIMARY KEY,
  amendment_id INTEGER NOT NULL REFERENCES amendments(id),
  entity TEXT NOT NULL CHECK (entity IN ('program', 'node', 'indicator')),
  entity_id INTEGER NOT NULL,
  UNIQUE (amendment_id, entity, entity_id)
);

-- The program as it stood before and after an amendment: what «compare two editions» reads.
CREATE TABLE editions (
  id INTEGER PRIMARY KEY,
  program_id INTEGER NOT NULL REFERENCES programs(id),
  amendment_id INTEGER REFERENCES amendments(id),
  moment TEXT NOT NULL CHECK (moment IN ('before', 'after')),
  taken_at TEXT NOT NULL,
  document TEXT NOT NULL
);
CREATE INDEX editions_program ON editions(program_id);

-- The edit log: one row per user action; its row changes are what undo and redo replay.
CREATE TABLE edits (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  program_id INTEGER,
  amendment_id INTEGER,
  action TEXT NOT NULL,
  summary TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('done', 'undone', 'discarded'))
);
CREATE TABLE edit_changes (
  id INTEGER PRIMARY KEY,
  edit_id INTEGER NOT NULL REFERENCES edits(id),
  tbl TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  before TEXT,
  after TEXT
);
CREATE INDEX edit_changes_edit ON edit_changes(edit_id);
-- The edit the triggers attribute row changes to; NULL while undo/redo replays or migrations run.
CREATE TABLE journal_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  edit_id INTEGER
);
INSERT INTO journal_state (id, edit_id) VALUES (1, NULL);
`;

export const journaledTablesVersion1 = [
  'organisations',
  'organisation_aliases',
  'programs',
  'program_organisations',
  'nodes',
  'node_executors',
  'financing',
  'quarterly_plan',
  'approved_budget',
  'stated_totals',
  'indicators',
  'indicator_values',
  'node_indicators',
  'amendments',
  'amendment_targets',
  'editions',
];

export function migrate001(db: SqliteHandle): void {
  db.exec(schemaVersion1);
  installJournalTriggers(db, journaledTablesVersion1);
}
