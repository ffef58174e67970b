-- A voucher can be retired (a leaked code turned off): it stays for the orders that used it, but takes no new one.
alter table voucher add column active boolean not null default true;
