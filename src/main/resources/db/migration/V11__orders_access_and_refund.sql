-- One access token per order: every email of the order carries the same link, valid until the event is over.
-- It lives on the order (not hashed in access_token) because later emails (confirmed, cancelled, expired) must
-- repeat the very link the first one sent. Existing orders get a fresh random token (two UUIDs, 244 bits);
-- the links already mailed for them stay valid through their access_token rows. The default also serves rows
-- written by SQL (seed scripts); the service always sets its own.
alter table ticket_order add column access_token text not null
    default replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
alter table ticket_order add constraint ticket_order_access_token_unique unique (access_token);

-- Set when a cancellation (or a payment that came too late) needs a card refund, before Stripe is called outside
-- any transaction. Cleared by nothing: with refunded_at still null it says "refund started, not yet recorded".
alter table ticket_order add column refund_requested_at timestamptz;
