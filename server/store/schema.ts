/**
 * The central server's own tables (raw SQL; `CREATE … IF NOT EXISTS`, so opening is idempotent).
 * Everything is scoped by organisation: a client only ever sees its own feed, commands and files.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS organisations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  reg_index TEXT NOT NULL,
  numbering_pattern TEXT NOT NULL
);

-- The change feed: one global AUTOINCREMENT sequence, read per organisation. better-sqlite3 has one
-- connection and commits in order, so a reader never sees seq N+1 before seq N is committed.
CREATE TABLE IF NOT EXISTS changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id TEXT NOT NULL REFERENCES organisations(id),
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_by_org ON changes(org_id, seq);

-- Idempotency: the outcome of every command, written in the transaction that applied it.
CREATE TABLE IF NOT EXISTS commands (
  org_id TEXT NOT NULL REFERENCES organisations(id),
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  appeal_id TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'rejected')),
  result TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (org_id, id)
);

CREATE TABLE IF NOT EXISTS appeals (
  org_id TEXT NOT NULL REFERENCES organisations(id),
  id TEXT NOT NULL,
  status TEXT NOT NULL,
  reg_number TEXT,
  provisional_number TEXT,
  reg_year INTEGER,
  reg_seq INTEGER,
  registered_at TEXT,
  filed TEXT,
  card TEXT,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS appeals_reg_number ON appeals(org_id, reg_number) WHERE reg_number IS NOT NULL;

-- Gap-free yearly sequence of official numbers: taken inside the registering transaction.
CREATE TABLE IF NOT EXISTS number_sequences (
  org_id TEXT NOT NULL REFERENCES organisations(id),
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (org_id, year)
);

-- Review actions of the organisations' workstations (ReviewAction commands), as applied [4.5–4.9].
CREATE TABLE IF NOT EXISTS appeal_events (
  org_id TEXT NOT NULL REFERENCES organisations(id),
  command_id TEXT NOT NULL,
  appeal_id TEXT NOT NULL,
  action_type TEXT NOT NULL,
  status_before TEXT NOT NULL,
  status_after TEXT NOT NULL,
  command TEXT NOT NULL,
  applied_at INTEGER NOT NULL,
  PRIMARY KEY (org_id, command_id)
);
CREATE INDEX IF NOT EXISTS appeal_events_by_appeal ON appeal_events(org_id, appeal_id);

-- Completely uploaded files an organisation owns (the bytes are content-addressed and shared).
CREATE TABLE IF NOT EXISTS files (
  org_id TEXT NOT NULL REFERENCES organisations(id),
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (org_id, sha256)
);
`;
