-- Prediction games (docs/adr/0008-prediction-games.md): the questions asked in a chat about a saga, the
-- answers fans gave (only ever added: which one counts is decided when scoring), the scores of resolved
-- questions (fans' and sources'), the posts each question makes in its chat (the game's outbox: the
-- poll or menu, its lock, the results), and the chats that turned automatic questions off.
-- Twin of migrations/postgres/0007_predictions.sql.

CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    chat_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('next_manager', 'still_in_charge')),
    club TEXT NOT NULL,
    manager TEXT NOT NULL DEFAULT '',
    options TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL DEFAULT '',
    deadline TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'locked', 'resolved', 'void')),
    locked_at TEXT,
    outcome INTEGER,
    outcome_text TEXT NOT NULL DEFAULT '',
    outcome_at TEXT,
    outcome_source TEXT NOT NULL DEFAULT '',
    resolved_at TEXT,
    season TEXT NOT NULL DEFAULT '',
    message_id TEXT NOT NULL DEFAULT '',
    poll_ref TEXT NOT NULL DEFAULT ''
);
-- One live question per saga and chat: a second /predict open, an automatic question racing an admin's
-- or two workers cannot ask it twice.
CREATE UNIQUE INDEX questions_one_live_per_saga ON questions (chat_key, kind, club, manager)
    WHERE status IN ('open', 'locked');
CREATE INDEX questions_by_status ON questions (status, deadline);
CREATE INDEX questions_by_chat ON questions (chat_key, status);
CREATE INDEX questions_by_poll ON questions (poll_ref);

CREATE TABLE question_answers (
    id INTEGER PRIMARY KEY,
    question_id INTEGER REFERENCES questions(id) ON DELETE CASCADE,
    platform TEXT NOT NULL,
    poll_ref TEXT NOT NULL DEFAULT '',
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL DEFAULT '',
    choice INTEGER,
    answered_at TEXT NOT NULL,
    dedupe TEXT NOT NULL UNIQUE
);
CREATE INDEX question_answers_by_question ON question_answers (question_id, user_id);
CREATE INDEX question_answers_by_poll ON question_answers (poll_ref);

CREATE TABLE question_scores (
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    player TEXT NOT NULL CHECK (player IN ('fan', 'source')),
    player_id TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    choice TEXT NOT NULL,
    since TEXT NOT NULL,
    correct INTEGER NOT NULL,
    points INTEGER NOT NULL,
    versus TEXT NOT NULL DEFAULT '',
    lead_seconds INTEGER,
    chat_key TEXT NOT NULL,
    season TEXT NOT NULL,
    PRIMARY KEY (question_id, player, player_id)
);
CREATE INDEX question_scores_by_chat ON question_scores (chat_key, season, player);

CREATE TABLE question_posts (
    id INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('question', 'lock', 'results')),
    chat_key TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'dropped')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    message_id TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    claimed_by TEXT,
    claim_until TEXT,
    UNIQUE (question_id, kind)
);
CREATE INDEX question_posts_pending ON question_posts (status, next_attempt_at);
CREATE INDEX question_posts_by_claimant ON question_posts (claimed_by);

CREATE TABLE question_chats (
    chat_key TEXT PRIMARY KEY,
    auto INTEGER NOT NULL DEFAULT 1,
    changed_at TEXT NOT NULL
);
