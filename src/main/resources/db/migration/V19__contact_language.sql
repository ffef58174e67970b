-- The language a person reads Frontdesk in: the pages they used and every later email to them, renewals and tickets
-- included. Everyone known before languages existed was written to in English.
alter table contact add column language text not null default 'en' check (language in ('en', 'fr', 'de'));
