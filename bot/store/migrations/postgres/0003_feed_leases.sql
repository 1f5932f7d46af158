-- Feed leases: which worker polls a feed, until when (multi-worker polling on one store).
SELECT 1; -- placeholder until this migration is written
