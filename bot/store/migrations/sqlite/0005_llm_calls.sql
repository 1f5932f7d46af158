-- Language-model calls: a cache by article and the daily call budget.
SELECT 1; -- placeholder until this migration is written
