-- How a done report worded its event (docs/adr/0004-factuality.md, addenda): an exit or appointment
-- announced for later ("will step down at the end of the season") and an exit told only as a parting
-- of ways. Reports stored before this migration carry neither. Twin of
-- migrations/sqlite/0008_report_wording.sql.

ALTER TABLE reports ADD COLUMN later BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE reports ADD COLUMN parted BOOLEAN NOT NULL DEFAULT FALSE;
