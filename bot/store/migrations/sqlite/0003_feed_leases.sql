-- Feed leases: which worker polls a feed, until when (multi-worker polling on one store), and the
-- same for deliveries being sent. A worker renews what it holds while it lives; a lease or claim
-- whose time has passed (its worker died) is taken over by another worker. docs/SCALING.md.
-- NULL: not leased. A 'sending' delivery with a NULL claim_until (claimed before this migration)
-- counts as expired.

ALTER TABLE feeds ADD COLUMN lease_owner TEXT;
ALTER TABLE feeds ADD COLUMN lease_until TEXT;
ALTER TABLE deliveries ADD COLUMN claimed_by TEXT;
ALTER TABLE deliveries ADD COLUMN claim_until TEXT;
CREATE INDEX feeds_by_lease_owner ON feeds (lease_owner);
CREATE INDEX deliveries_by_claimant ON deliveries (claimed_by);
