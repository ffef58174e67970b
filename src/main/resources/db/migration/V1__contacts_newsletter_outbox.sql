-- Frontdesk schema, part 1: one contact per person, proof of consent, the newsletter,
-- single-purpose access tokens, the email outbox, idempotent requests and admin accounts.
-- Flyway owns the schema; Hibernate only validates it.

-- One row per email address. The address is kept as given (trimmed); uniqueness ignores case.
create table contact (
    id          bigint generated always as identity primary key,
    email       text        not null check (email = btrim(email) and length(email) between 3 and 254),
    email_key   text        generated always as (lower(email)) stored,
    name        text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    constraint contact_email_key_unique unique (email_key)
);

-- What a person agreed to, when, from where, and when they proved the address was theirs.
-- Append-only: the trigger below allows no delete and no change but setting confirmed_at once.
create table consent_record (
    id               bigint generated always as identity primary key,
    contact_id       bigint      not null references contact (id),
    purpose          text        not null,
    wording_version  text        not null,
    wording          text        not null,
    source           text,
    client_address   text,
    user_agent       text,
    given_at         timestamptz not null,
    confirmed_at     timestamptz
);
create index consent_record_contact on consent_record (contact_id, purpose);

create function consent_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'consent records are append-only';
    end if;
    if old.confirmed_at is null and new.confirmed_at is not null
       and (new.contact_id, new.purpose, new.wording_version, new.wording, new.source,
            new.client_address, new.user_agent, new.given_at)
           is not distinct from
           (old.contact_id, old.purpose, old.wording_version, old.wording, old.source,
            old.client_address, old.user_agent, old.given_at) then
        return new;
    end if;
    raise exception 'consent records are append-only';
end;
$$;

create trigger consent_record_append_only
    before update or delete on consent_record
    for each row execute function consent_record_append_only();

-- The newsletter: one subscription per contact. The plan (free or paid) is derived from pledges.
create table newsletter_subscription (
    id               bigint generated always as identity primary key,
    contact_id       bigint      not null unique references contact (id),
    status           text        not null check (status in ('pending', 'active', 'unsubscribed')),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    confirmed_at     timestamptz,
    unsubscribed_at  timestamptz
);
create index newsletter_subscription_status on newsletter_subscription (status);

-- Tokens sent in links. Only a SHA-256 hash is stored; each token serves one purpose for one subject.
create table access_token (
    id          bigint generated always as identity primary key,
    purpose     text        not null,
    token_hash  text        not null unique,
    subject_id  bigint      not null,
    created_at  timestamptz not null,
    expires_at  timestamptz,
    used_at     timestamptz
);
create index access_token_subject on access_token (purpose, subject_id, created_at);

-- Every email goes through here, written in the transaction of the change that causes it.
create table outbox_message (
    id               bigint generated always as identity primary key,
    kind             text        not null,
    contact_id       bigint      references contact (id),
    recipient        text        not null,
    subject          text        not null,
    text_body        text        not null,
    html_body        text,
    headers          jsonb       not null default '{}'::jsonb,
    status           text        not null check (status in ('pending', 'sending', 'sent', 'failed')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    lease_until      timestamptz,
    last_error       text,
    created_at       timestamptz not null,
    sent_at          timestamptz
);
create index outbox_message_due on outbox_message (next_attempt_at) where status in ('pending', 'sending');
create index outbox_message_status on outbox_message (status, created_at);

-- The first answer to a request sent with an Idempotency-Key, replayed for retries.
create table idempotency_record (
    scope            text        not null,
    idem_key         text        not null,
    request_hash     text        not null,
    response_status  integer,
    response_body    text,
    created_at       timestamptz not null,
    primary key (scope, idem_key)
);
create index idempotency_record_created on idempotency_record (created_at);

-- Accounts for the admin API and dashboard. Passwords only as bcrypt hashes.
create table app_user (
    id             bigint generated always as identity primary key,
    username       text        not null unique,
    password_hash  text        not null,
    roles          text        not null,
    created_at     timestamptz not null
);
