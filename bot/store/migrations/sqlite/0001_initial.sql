-- rumourbot schema, version 1. Times are ISO 8601 UTC strings.

CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    outlet TEXT NOT NULL DEFAULT '',
    etag TEXT,
    last_modified TEXT,
    first_poll_done INTEGER NOT NULL DEFAULT 0,
    next_poll_at TEXT NOT NULL DEFAULT '',
    interval_seconds REAL,
    failures INTEGER NOT NULL DEFAULT 0,
    failing_since TEXT,
    last_error TEXT,
    disabled_reason TEXT,
    last_ok_at TEXT,
    added_at TEXT NOT NULL
);

CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    entry_key TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    published TEXT,
    seen_at TEXT NOT NULL,
    is_rumour INTEGER NOT NULL DEFAULT 0,
    UNIQUE (feed_id, entry_key)
);

CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER REFERENCES entries(id) ON DELETE SET NULL,
    outlet TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    analysis_json TEXT NOT NULL,
    published TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE threads (
    id INTEGER PRIMARY KEY,
    manager TEXT NOT NULL,
    club TEXT NOT NULL,
    stage TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_update TEXT NOT NULL,
    best_tier INTEGER NOT NULL,
    corroboration INTEGER NOT NULL DEFAULT 1,
    heat REAL NOT NULL DEFAULT 0,
    summary TEXT NOT NULL DEFAULT ''
);
CREATE INDEX threads_by_manager ON threads (manager, last_update);
CREATE INDEX threads_by_club ON threads (club, last_update);
CREATE INDEX threads_by_update ON threads (last_update);

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL,
    outlet TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    tier INTEGER NOT NULL,
    voice TEXT NOT NULL DEFAULT '',
    relation TEXT NOT NULL,
    confidence REAL NOT NULL,
    evidence TEXT NOT NULL DEFAULT '',
    duplicate_of INTEGER REFERENCES reports(id) ON DELETE SET NULL,
    reported_at TEXT NOT NULL
);
CREATE INDEX reports_by_thread ON reports (thread_id, reported_at);

CREATE TABLE thread_stages (
    thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX thread_stages_by_thread ON thread_stages (thread_id, at);

CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY,
    chat_key TEXT NOT NULL,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('manager', 'club', 'all')),
    target TEXT NOT NULL,
    ping_role TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    UNIQUE (chat_key, target_kind, target)
);
CREATE INDEX subscriptions_by_target ON subscriptions (target_kind, target);

CREATE TABLE chat_prefs (
    chat_key TEXT PRIMARY KEY,
    mode TEXT NOT NULL DEFAULT 'instant' CHECK (mode IN ('instant', 'hourly', 'daily')),
    min_tier INTEGER NOT NULL DEFAULT 4,
    min_stage TEXT NOT NULL DEFAULT 'under_pressure'
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('created', 'stage', 'source')),
    stage TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    chat_key TEXT NOT NULL,
    ping_role TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'dropped')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    message_id TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    UNIQUE (thread_id, event_id, chat_key)
);
CREATE INDEX deliveries_pending ON deliveries (status, next_attempt_at);

CREATE TABLE thread_messages (
    thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    chat_key TEXT NOT NULL,
    message_id TEXT NOT NULL,
    PRIMARY KEY (thread_id, chat_key)
);
