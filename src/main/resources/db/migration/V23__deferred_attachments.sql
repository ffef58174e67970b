-- An attachment that is costly to make (an invoice PDF) is made when its mail is sent, not in the request that
-- queued the mail: until then the row holds the name of the renderer and what it renders (JSON), and no bytes.
-- The sender writes the bytes it rendered into the row, so a retry sends the very same file.
alter table outbox_attachment alter column content drop not null;
alter table outbox_attachment add column renderer text;
alter table outbox_attachment add column spec jsonb;
alter table outbox_attachment add constraint outbox_attachment_content_or_renderer
    check (content is not null or (renderer is not null and spec is not null));
alter table outbox_attachment add constraint outbox_attachment_renderer_with_spec
    check ((renderer is null) = (spec is null));
