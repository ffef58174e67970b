-- Frontdesk schema, part 6: the admin side. Dashboard sessions, failed logins, and the audit log.

-- A dashboard login. The cookie carries a random token; only its SHA-256 hash is stored, so a database
-- dump opens no session (the CSRF token is derived from the cookie's token, so it is not stored either).
-- The row is the session: logout, a password change or a removed account delete it.
create table admin_session (
    token_hash    text        primary key,
    user_id       bigint      not null references app_user (id) on delete cascade,
    client_address text,
    created_at    timestamptz not null,
    last_seen_at  timestamptz not null
);
create index admin_session_user on admin_session (user_id);
create index admin_session_seen on admin_session (last_seen_at);

-- Every failed login, by the username typed (known or not, lower-cased) and the client address. Counted over a
-- sliding window to throttle guessing and to lock an account; counted in the database so that every instance
-- sees the same numbers.
create table login_failure (
    id              bigint generated always as identity primary key,
    username_key    text        not null,
    client_address  text        not null,
    failed_at       timestamptz not null
);
create index login_failure_username on login_failure (username_key, failed_at);
create index login_failure_client on login_failure (client_address, failed_at);

-- Who changed what, when and from where. Append-only: no update, no delete.
create table audit_entry (
    id              bigint generated always as identity primary key,
    at              timestamptz not null,
    actor           text        not null,
    action          text        not null,
    target          text,
    client_address  text
);
create index audit_entry_at on audit_entry (at desc, id desc);
create index audit_entry_target on audit_entry (target);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end;
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
