-- A waiting-list entry takes part in the line only once its address owner has confirmed it by email; until then
-- it is skipped. Entries made before confirmation existed keep their place: their owners were never asked.
alter table waitlist_entry add column confirmed_at timestamptz;
update waitlist_entry set confirmed_at = created_at;
-- The schema, not only the Java, guarantees that an unconfirmed entry never holds seats.
alter table waitlist_entry add constraint waitlist_entry_offer_needs_confirmation
    check (status = 'waiting' or confirmed_at is not null);

-- A ticket whose payment was refunded or disputed is void: it stays for the record, but no door lets it in.
alter table ticket add column voided_at timestamptz;
alter table ticket add column void_reason text check (void_reason in ('refunded', 'disputed'));
alter table ticket add constraint ticket_void_has_reason check ((voided_at is null) = (void_reason is null));
-- Confirmed orders already refunded (in Stripe's dashboard) void their tickets from the refund's time.
update ticket t set voided_at = o.refunded_at, void_reason = 'refunded'
    from ticket_order o where o.id = t.order_id and o.refunded_at is not null and o.status = 'confirmed';
