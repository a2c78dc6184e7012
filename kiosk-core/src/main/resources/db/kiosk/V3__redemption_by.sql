-- Which counter redeemed a ticket, when the aggregator reported it redeemed at another one.
-- NULL means this counter. Kept so that an offline re-check still reports "already used".
ALTER TABLE redemption ADD COLUMN redeemed_by TEXT;
