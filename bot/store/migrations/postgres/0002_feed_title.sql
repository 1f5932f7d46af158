-- The feed's own title (from <title> in the RSS/Atom document), stored on each successful fetch.

ALTER TABLE feeds ADD COLUMN title TEXT NOT NULL DEFAULT '';
