-- An idempotency key's in-progress marker holds only for a short lease: a request that died half-way (a crash,
-- a lost connection) no longer blocks its key for a whole day; a retry with the same body takes the key over.
alter table idempotency_record add column lease_until timestamptz;

-- Money given back because it was paid for a pledge that had already ended (cancelled, or lapsed unpaid):
-- written after the refund call succeeded, so a webhook can tell "refunded" from "not yet" and is retried until
-- the money is back. One row per payment at the provider.
create table pledge_refund (
    id           bigint generated always as identity primary key,
    pledge_id    bigint      not null references pledge (id),
    payment_id   text        not null unique,
    amount       bigint      not null check (amount >= 0),
    currency     text        not null,
    refunded_at  timestamptz not null
);
create index pledge_refund_pledge on pledge_refund (pledge_id);
