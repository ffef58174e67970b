-- Frontdesk schema, part 2: summit events, ticket types with early-bird prices and quotas, orders that hold
-- seats, tickets with codes, vouchers, the waiting list, and attachments for outbox emails.

create table event (
    id          bigint generated always as identity primary key,
    slug        text        not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
    name        text        not null,
    starts_on   date        not null,
    ends_on     date        not null,
    venue       text        not null,
    timezone    text        not null,
    currency    text        not null default 'CHF' check (currency ~ '^[A-Z]{3}$'),
    sales_start timestamptz,
    sales_end   timestamptz,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    check (ends_on >= starts_on),
    check (sales_end is null or sales_start is null or sales_end > sales_start)
);

-- Seats are counted here and only changed by guarded updates, so they can never oversell:
-- sold + held never exceeds capacity, and early-bird seats never exceed their quota.
create table ticket_type (
    id                bigint generated always as identity primary key,
    event_id          bigint      not null references event (id),
    code              text        not null check (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name              text        not null,
    description       text,
    capacity          integer     not null check (capacity >= 0),
    price_amount      bigint      not null check (price_amount >= 0),
    early_amount      bigint      check (early_amount >= 0),
    early_ends_at     timestamptz,
    early_quota       integer     check (early_quota >= 0),
    max_per_order     integer     not null default 10 check (max_per_order between 1 and 100),
    sold              integer     not null default 0 check (sold >= 0),
    held              integer     not null default 0 check (held >= 0),
    early_taken       integer     not null default 0 check (early_taken >= 0),
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    unique (event_id, code),
    check (sold + held <= capacity),
    check (early_quota is null or early_taken <= early_quota),
    check (early_amount is null or early_amount <= price_amount),
    check ((early_amount is null) = (early_ends_at is null))
);

create table voucher (
    id          bigint generated always as identity primary key,
    event_id    bigint      not null references event (id),
    code        text        not null,
    code_key    text        generated always as (upper(code)) stored,
    percent_off integer     check (percent_off between 1 and 100),
    amount_off  bigint      check (amount_off > 0),
    type_codes  text[],
    max_uses    integer     not null check (max_uses >= 1),
    used        integer     not null default 0,
    created_at  timestamptz not null,
    unique (event_id, code_key),
    check ((percent_off is null) <> (amount_off is null)),
    check (used >= 0 and used <= max_uses)
);

create table ticket_order (
    id              bigint generated always as identity primary key,
    public_id       uuid        not null unique,
    event_id        bigint      not null references event (id),
    buyer_id        bigint      not null references contact (id),
    buyer_name      text        not null,
    status          text        not null check (status in ('pending_payment', 'confirmed', 'cancelled', 'expired')),
    payment_method  text        not null check (payment_method in ('invoice', 'card', 'none')),
    total_amount    bigint      not null check (total_amount >= 0),
    currency        text        not null,
    voucher_id      bigint      references voucher (id),
    payment_reference text      not null unique,
    expires_at      timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    confirmed_at    timestamptz,
    cancelled_at    timestamptz
);
create index ticket_order_due on ticket_order (expires_at) where status = 'pending_payment';
create index ticket_order_event on ticket_order (event_id, status);

create table ticket (
    id              bigint generated always as identity primary key,
    order_id        bigint      not null references ticket_order (id),
    ticket_type_id  bigint      not null references ticket_type (id),
    attendee_id     bigint      not null references contact (id),
    attendee_name   text        not null,
    price_amount    bigint      not null check (price_amount >= 0),
    price_label     text        not null check (price_label in ('early-bird', 'regular')),
    early_bird_seat boolean     not null,
    voucher_used    boolean     not null default false,
    code            text        unique,
    checked_in_at   timestamptz,
    created_at      timestamptz not null
);
create index ticket_by_order on ticket (order_id);
create index ticket_type_seats on ticket (ticket_type_id);

-- People waiting for seats, first come first served per ticket type.
create table waitlist_entry (
    id               bigint generated always as identity primary key,
    ticket_type_id   bigint      not null references ticket_type (id),
    contact_id       bigint      not null references contact (id),
    name             text        not null,
    quantity         integer     not null check (quantity between 1 and 100),
    status           text        not null check (status in ('waiting', 'offered', 'accepted', 'lapsed')),
    offer_expires_at timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index waitlist_entry_queue on waitlist_entry (ticket_type_id, status, id);
create unique index waitlist_entry_once on waitlist_entry (ticket_type_id, contact_id)
    where status in ('waiting', 'offered');

alter table ticket_order add column waitlist_entry_id bigint references waitlist_entry (id);

-- Files sent with an email: QR codes shown inline, calendar entries attached.
create table outbox_attachment (
    id            bigint generated always as identity primary key,
    message_id    bigint      not null references outbox_message (id) on delete cascade,
    file_name     text        not null,
    content_type  text        not null,
    content       bytea       not null,
    content_id    text
);
create index outbox_attachment_message on outbox_attachment (message_id);
