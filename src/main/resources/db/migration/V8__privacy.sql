-- Frontdesk schema, part 8: GDPR erasure, the suppression list, and outbox messages that keep no secrets.

-- An erased contact keeps its row (orders and pledges the law makes us keep point to it), but no address and
-- no name: the address becomes erased-<id>@erased.invalid, which no mail server accepts.
alter table contact add column erased_at timestamptz;

-- Addresses that asked to be forgotten, kept only as SHA-256 (hex) of lower(trimmed address), always computed
-- in SQL with the same lower() as contact.email_key. Nothing is sent to them but a newsletter confirmation,
-- which is how a person opts in anew; confirming lifts the suppression.
create table email_suppression (
    email_hash  text        primary key,
    created_at  timestamptz not null
);

-- A mail to a suppressed address is recorded without its bodies and never sent.
alter table outbox_message drop constraint outbox_message_status_check;
alter table outbox_message add constraint outbox_message_status_check
    check (status in ('pending', 'sending', 'sent', 'failed', 'suppressed'));
-- The retention job deletes sent messages by age.
create index outbox_message_sent on outbox_message (sent_at) where status = 'sent';

-- The consent log stays append-only, with two exceptions: confirmed_at is set once (as before), and an erasure
-- forgets where the consent came from (client_address and user_agent set to null) while the fact and time of the
-- consent stay. Nothing else can change, and nothing can be deleted.
create or replace function consent_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'consent records are append-only';
    end if;
    if old.confirmed_at is null and new.confirmed_at is not null
       and (new.id, new.contact_id, new.purpose, new.wording_version, new.wording, new.source,
            new.client_address, new.user_agent, new.given_at)
           is not distinct from
           (old.id, old.contact_id, old.purpose, old.wording_version, old.wording, old.source,
            old.client_address, old.user_agent, old.given_at) then
        return new;
    end if;
    if new.client_address is null and new.user_agent is null
       and (new.id, new.contact_id, new.purpose, new.wording_version, new.wording, new.source,
            new.given_at, new.confirmed_at)
           is not distinct from
           (old.id, old.contact_id, old.purpose, old.wording_version, old.wording, old.source,
            old.given_at, old.confirmed_at) then
        return new;
    end if;
    raise exception 'consent records are append-only';
end;
$$;
