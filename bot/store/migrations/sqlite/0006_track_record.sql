-- foreign_keys: off (the events table is rebuilt below; bot/store/sqlite.py turns the checks off
-- around this migration and runs PRAGMA foreign_key_check before it commits)
--
-- Resolutions, track records, learned jobs, per-chat tier overrides and pinned boards
-- (docs/adr/0007-resolutions-records-and-jobs.md). Twin of migrations/postgres/0006_track_record.sql.

-- How each report's story held its claim (docs/adr/0004-factuality.md): reports stored before this
-- migration count as done, which is what their relation said then.
ALTER TABLE reports ADD COLUMN factuality TEXT NOT NULL DEFAULT 'done';
ALTER TABLE reports ADD COLUMN event TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN caretaker INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN relayed_by TEXT NOT NULL DEFAULT '';
CREATE INDEX reports_by_relay ON reports (relayed_by) WHERE relayed_by <> '';
-- The sack race counts each pressure thread's recent original reports and their best tier: an
-- index that holds all three answers it without reading the rows.
CREATE INDEX reports_originals ON reports (thread_id, reported_at, tier) WHERE duplicate_of IS NULL;

-- A thread's outcome: NULL while open, else true, false or cold (the latest row of resolutions).
ALTER TABLE threads ADD COLUMN outcome TEXT;
ALTER TABLE threads ADD COLUMN resolved_at TEXT;
CREATE INDEX threads_open ON threads (last_update) WHERE outcome IS NULL;
CREATE INDEX threads_pressure ON threads (last_update) WHERE stage = 'under_pressure' AND outcome IS NULL;

-- Every resolution, in order (an operator's override is one more row): the log /why reads.
CREATE TABLE resolutions (
    id INTEGER PRIMARY KEY,
    thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    outcome TEXT NOT NULL CHECK (outcome IN ('true', 'false', 'cold')),
    cause TEXT NOT NULL CHECK (cause IN ('story', 'quiet', 'operator')),
    report_id INTEGER REFERENCES reports(id) ON DELETE SET NULL,
    actor TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX resolutions_by_thread ON resolutions (thread_id, id);

-- A source's claim about a thread: its first (non-duplicate) report of it, the only one that counts.
CREATE TABLE claims (
    thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    manager TEXT NOT NULL,
    club TEXT NOT NULL,
    stage TEXT NOT NULL,
    tier INTEGER NOT NULL,
    relayed_by TEXT NOT NULL DEFAULT '',
    reported_at TEXT NOT NULL,
    outcome TEXT,
    PRIMARY KEY (thread_id, source)
);
CREATE INDEX claims_by_source ON claims (source, club);
CREATE INDEX claims_by_relay ON claims (relayed_by) WHERE relayed_by <> '';
CREATE INDEX claims_by_report ON claims (report_id);

-- Changes of job learned from done stories (or set by an operator); the latest row per manager wins.
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    manager TEXT NOT NULL,
    club TEXT NOT NULL DEFAULT '',
    change TEXT NOT NULL CHECK (change IN ('appointed', 'sacked', 'left', 'set')),
    caretaker INTEGER NOT NULL DEFAULT 0,
    since TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    report_id INTEGER REFERENCES reports(id) ON DELETE SET NULL,
    learned_by TEXT NOT NULL DEFAULT 'story',
    learned_at TEXT NOT NULL
);
CREATE INDEX jobs_by_manager ON jobs (manager, since);

CREATE TABLE tier_overrides (
    chat_key TEXT NOT NULL,
    source TEXT NOT NULL,
    tier INTEGER NOT NULL CHECK (tier BETWEEN 0 AND 4),
    PRIMARY KEY (chat_key, source)
);

-- Pinned boards: one message per (chat, board, league), edited in place.
CREATE TABLE boards (
    id INTEGER PRIMARY KEY,
    chat_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sackrace', 'vacancies')),
    league TEXT NOT NULL DEFAULT '',
    message_id TEXT,
    digest TEXT NOT NULL DEFAULT '',
    posting_at TEXT,
    updated_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (chat_key, kind, league)
);

-- events.kind gains 'resolved'. SQLite cannot change a CHECK constraint, so the table is rebuilt the
-- documented way (new table, copy, drop, rename) with foreign key checks off: deliveries keep
-- pointing at "events", now the new table.
CREATE TABLE events_new (
    id INTEGER PRIMARY KEY,
    thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('created', 'stage', 'source', 'resolved')),
    stage TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
INSERT INTO events_new (id, thread_id, kind, stage, source, created_at)
    SELECT id, thread_id, kind, stage, source, created_at FROM events;
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_by_thread ON events (thread_id);

-- Claims counted per source, club (and '' for all clubs), stage claimed and outcome ('' while open):
-- kept in step with claims by the ingest and by every resolution, so records read a few rows.
CREATE TABLE source_stats (
    source TEXT NOT NULL,
    club TEXT NOT NULL,
    stage TEXT NOT NULL,
    outcome TEXT NOT NULL DEFAULT '',
    n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (source, club, stage, outcome)
);
