-- Language-model calls: a cache by article and the daily call budget.
-- One row per call made (failed ones too, so they count against [llm] daily_budget): the article's
-- key (a hash of the model and the text sent), the UTC day, and the validated answer ('' until the
-- call succeeds, and for failed calls, whose error says why). Twin of migrations/postgres/0005_llm_calls.sql.

CREATE TABLE llm_calls (
    id INTEGER PRIMARY KEY,
    article_key TEXT NOT NULL,
    day TEXT NOT NULL,
    called_at TEXT NOT NULL,
    ok INTEGER NOT NULL DEFAULT 0,
    response TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX llm_calls_by_article ON llm_calls (article_key, ok);
CREATE INDEX llm_calls_by_day ON llm_calls (day);
