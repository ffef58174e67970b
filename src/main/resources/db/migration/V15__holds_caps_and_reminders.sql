-- Unpaid seats are capped per buyer and per client network, so one script cannot hold the whole event.
-- The network is the rate-limit key of the address that placed the order (an IPv6 /64 counts as one);
-- orders placed before this column existed have none and count only towards their buyer.
alter table ticket_order add column client_network text;
create index ticket_order_unpaid_by_buyer on ticket_order (buyer_id) where status = 'pending_payment';
create index ticket_order_unpaid_by_network on ticket_order (client_network) where status = 'pending_payment';

-- When the buyer of an unpaid invoice order was reminded that its hold lapses: at most once per order,
-- set in the same transaction as the reminder's outbox row.
alter table ticket_order add column reminded_at timestamptz;
create index ticket_order_reminder_due on ticket_order (expires_at)
    where status = 'pending_payment' and payment_method = 'invoice' and reminded_at is null;
