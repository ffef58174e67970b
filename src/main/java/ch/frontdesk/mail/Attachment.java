package ch.frontdesk.mail;

import java.util.Objects;

/**
 * A file sent with a mail. With a {@code contentId} it is shown inline (an HTML part refers to it as
 * {@code cid:...}); without one it is a regular attachment.
 *
 * <p>Its bytes are either here ({@code content}) or made when the mail is sent ({@code deferred}): a file that is
 * costly to make (an invoice PDF, about 10 ms of CPU) is not made in the request that queues the mail, where it would
 * hold the request's transaction and locks and halve its throughput.
 */
public record Attachment(String fileName, String contentType, byte[] content, String contentId, Deferred deferred) {

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        if ((content == null) == (deferred == null)) {
            throw new IllegalArgumentException("An attachment has either its content or a way to render it: "
                    + fileName);
        }
    }

    /** A file whose bytes are at hand. */
    public Attachment(String fileName, String contentType, byte[] content, String contentId) {
        this(fileName, contentType, Objects.requireNonNull(content, "content"), contentId, null);
    }

    /**
     * A regular attachment made when its mail is sent, by the {@link AttachmentRenderer} named {@code renderer}
     * from {@code spec} (JSON): the spec must hold everything the file shows, as it is read later, elsewhere.
     */
    public static Attachment deferred(String fileName, String contentType, String renderer, String spec) {
        return new Attachment(fileName, contentType, null, null, new Deferred(renderer, spec));
    }

    /** Whether the bytes are still to be made. */
    public boolean isDeferred() {
        return deferred != null;
    }

    /** How to make an attachment's bytes: which renderer, from what JSON. */
    public record Deferred(String renderer, String spec) {

        public Deferred {
            Objects.requireNonNull(renderer, "renderer");
            Objects.requireNonNull(spec, "spec");
        }
    }
}
