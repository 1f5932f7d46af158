-- Why an entry was or was not alerted (for /why).
SELECT 1; -- placeholder until this migration is written
