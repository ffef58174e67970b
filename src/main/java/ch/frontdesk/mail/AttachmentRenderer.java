package ch.frontdesk.mail;

/**
 * Makes the bytes of a {@link Attachment#deferred deferred} attachment when its mail is sent. A feature implements it
 * as a CDI bean for the files it attaches (the outbox knows none of them); {@link AttachmentRenderers} finds it by
 * {@link #name}.
 */
public interface AttachmentRenderer {

    /** The name stored with the attachment, e.g. {@code invoice-pdf}: keep it stable while mails that use it wait. */
    String name();

    /**
     * The file's bytes, from the spec the feature gave {@link Attachment#deferred}. Called by the sender, possibly
     * once per attempt until one succeeds; throwing fails the attempt like a refused send (the mail is retried with
     * backoff, never sent without the file).
     */
    byte[] render(String spec);
}
