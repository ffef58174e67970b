-- Frontdesk schema, part 4: paid support. Readers pledge money to the publication (it funds the EPFL AI
-- Center); the content stays free for everyone, so a pledge is support, not access.

create table support_tier (
    id                bigint generated always as identity primary key,
    code              text        not null unique check (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name              text        not null,
    description       text,
    amount            bigint      not null check (amount > 0),
    currency          text        not null check (currency ~ '^[A-Z]{3}$'),
    billing_interval  text        not null check (billing_interval in ('month', 'year', 'once')),
    active            boolean     not null default true,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

-- A contact's pledge. Amount and interval are copied from the tier when pledged, so tier changes never
-- touch existing supporters.
create table pledge (
    id                      bigint generated always as identity primary key,
    public_id               uuid        not null unique,
    contact_id              bigint      not null references contact (id),
    tier_id                 bigint      not null references support_tier (id),
    payment_method          text        not null check (payment_method in ('card', 'invoice')),
    status                  text        not null check (status in ('pending_payment', 'active', 'past_due', 'cancelled', 'expired')),
    amount                  bigint      not null check (amount > 0),
    currency                text        not null,
    billing_interval        text        not null check (billing_interval in ('month', 'year', 'once')),
    payment_reference       text        not null unique,
    current_period_end      timestamptz,
    cancel_at_period_end    boolean     not null default false,
    payment_due_at          timestamptz,
    reminded_for_period_end timestamptz,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    cancelled_at            timestamptz
);
create index pledge_contact on pledge (contact_id, status);
create index pledge_due on pledge (status, current_period_end);

-- Every payment received for a pledge: what each receipt confirms.
create table pledge_payment (
    id          bigint generated always as identity primary key,
    pledge_id   bigint      not null references pledge (id),
    amount      bigint      not null,
    currency    text        not null,
    method      text        not null,
    paid_at     timestamptz not null,
    period_end  timestamptz
);
create index pledge_payment_pledge on pledge_payment (pledge_id);
