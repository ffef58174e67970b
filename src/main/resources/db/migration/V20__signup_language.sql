-- The language a sign-up stated (its form's lang, else the browser's Accept-Language), carried from the request to
-- the batch that applies it: the contact takes it, and the confirmation email is written in it. Null when the request
-- stated none, which leaves a known contact's language as it was.
alter table newsletter_signup add column language text check (language in ('en', 'fr', 'de'));
