-- Rate limits shared by every instance: one token bucket per kind of request and client (an IPv4 address or an
-- IPv6 /64), stored as the instant it will be full again (GCRA). One upsert per request takes a token or refuses.
-- Unlogged: a crash forgets the buckets, which only lets clients start afresh, and saves writing WAL per request.
-- No index on full_at, so every update stays a HOT update; the cleanup job scans the (small) table every few minutes.
create unlogged table rate_limit_bucket (
    kind         text        not null,
    client       text        not null,
    -- When the bucket holds its full burst again; a request is allowed while full_at + interval <= now + window.
    full_at      timestamptz not null,
    -- Whether the last request got a token: the upsert cannot return the row's old value, so it records the answer.
    last_granted boolean     not null,
    primary key (kind, client)
);
