-- Sign-up requests wait here until a background worker applies them. The request itself only appends a row,
-- the same work whatever the address, so its answer time reveals nothing about who is subscribed.
create table newsletter_signup (
    id              bigint generated always as identity primary key,
    email           text        not null,
    name            text,
    source          text,
    client_address  text,
    user_agent      text,
    received_at     timestamptz not null
);
