-- Every background queue (sign-ups, the pledge calendar, the outbox, later order expiry and the waiting list) keeps
-- its rows where they are; only a row that failed gets an entry here. It counts the attempts, holds the row back
-- until its next attempt, and marks it dead after too many, until the admin retries it. The row itself is untouched,
-- so one definition serves queue tables and domain tables alike.
create table queue_failure (
    queue           text        not null,
    item_id         bigint      not null,
    attempts        int         not null check (attempts > 0),
    next_attempt_at timestamptz not null,
    -- Set once the queue gave up on the row; it stays out of the queue until the admin retries it.
    dead_at         timestamptz,
    -- Redacted: no link tokens.
    last_error      text        not null,
    last_failed_at  timestamptz not null,
    primary key (queue, item_id)
);
create index queue_failure_dead on queue_failure (queue) where dead_at is not null;

-- Mails already given up on before this table existed are dead rows of the outbox queue.
insert into queue_failure (queue, item_id, attempts, next_attempt_at, dead_at, last_error, last_failed_at)
select 'outbox', id, greatest(attempts, 1), next_attempt_at, created_at, coalesce(last_error, 'delivery failed'),
       created_at
from outbox_message where status = 'failed';

-- Mail to an address nobody has confirmed is capped per address per day, counted here so the cap holds across
-- instances. Only the SHA-256 of the lower-cased address is kept (as in email_suppression), and only for a day.
create table unverified_mail (
    email_hash text        not null,
    sent_at    timestamptz not null
);
create index unverified_mail_by_address on unverified_mail (email_hash, sent_at);
