-- An idempotency key's in-progress marker holds only for a short lease: a request that died half-way (a crash,
-- a lost connection) no longer blocks its key for a whole day; a retry with the same body takes the key over.
alter table idempotency_record add column lease_until timestamptz;
