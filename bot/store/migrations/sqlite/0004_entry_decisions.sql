-- Why an entry was or was not alerted (for /why): the ingest's decision (not_rumour, first_poll,
-- too_old or live), and the entry's link as a lookup key (no scheme, www., trailing slash or trackers).
-- Entries stored before this migration keep '' in both.

ALTER TABLE entries ADD COLUMN decision TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN link_key TEXT NOT NULL DEFAULT '';
CREATE INDEX entries_by_link ON entries (link_key);
-- /why follows an entry to its story, reports and events (PostgreSQL's schema already had the first index).
CREATE INDEX IF NOT EXISTS stories_by_entry ON stories (entry_id);
CREATE INDEX reports_by_story ON reports (story_id);
CREATE INDEX events_by_thread ON events (thread_id);
