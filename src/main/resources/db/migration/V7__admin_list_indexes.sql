-- Frontdesk schema, part 7: indexes for the admin lists, so a page (sorted, filtered, or searched by a substring of a
-- name or an address) answers in milliseconds with a hundred thousand rows.

-- Substring search ("contains", case-insensitive) needs trigram indexes. An extension exists once per database, and
-- dev, test and prod may live in schemas of one database: it goes to public, and the indexes name its operator class
-- there. pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it without being superuser.
create extension if not exists pg_trgm with schema public;

-- People: the lists search "email or name" as one expression, written exactly so in ContactList.searchCondition.
create index contact_search on contact using gin ((email || ' ' || coalesce(name, '')) public.gin_trgm_ops);
create index contact_created on contact (created_at, id);

create index newsletter_subscription_created on newsletter_subscription (created_at, id);
create index newsletter_subscription_status_created on newsletter_subscription (status, created_at, id);

create index pledge_created on pledge (created_at, id);
create index pledge_status_created on pledge (status, created_at, id);

create index ticket_order_created on ticket_order (created_at, id);
create index ticket_order_status_created on ticket_order (status, created_at, id);
create index ticket_order_buyer on ticket_order (buyer_id);
create index ticket_order_buyer_name_search on ticket_order using gin (buyer_name public.gin_trgm_ops);
-- Tickets sold per day (statistics) read confirmed orders by the time they were confirmed.
create index ticket_order_confirmed on ticket_order (confirmed_at) where status = 'confirmed';

create index ticket_created on ticket (created_at, id);
create index ticket_attendee on ticket (attendee_id);
create index ticket_attendee_name_search on ticket using gin (attendee_name public.gin_trgm_ops);

-- The audit log's search matches actor, action or target, written exactly so in AuditLog.
create index audit_entry_search on audit_entry
    using gin ((actor || ' ' || action || ' ' || coalesce(target, '')) public.gin_trgm_ops);
