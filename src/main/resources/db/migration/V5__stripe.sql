-- Frontdesk schema, part 5: card payments through Stripe Checkout.

-- One Stripe customer per contact.
create table stripe_customer (
    contact_id   bigint primary key references contact (id),
    customer_id  text   not null unique
);

-- Every webhook event handled, so an event delivered twice is handled once.
create table stripe_event (
    id           text        primary key,
    type         text        not null,
    received_at  timestamptz not null
);

alter table pledge add column stripe_checkout_session_id text unique;
alter table pledge add column stripe_subscription_id text unique;
alter table pledge add column checkout_url text;

alter table ticket_order add column stripe_checkout_session_id text unique;
alter table ticket_order add column stripe_payment_intent text;
alter table ticket_order add column checkout_url text;
alter table ticket_order add column refunded_at timestamptz;
